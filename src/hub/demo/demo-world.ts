// What the hub asks of a demo world: a fleet to seed, optionally devices that
// answer on real management endpoints, and a simulator that reports to the hub
// over HTTP like any real fleet. The world lives in src/sim and is handed to
// the hub by the entry (`hub start --demo`, `demo`); tests hand it small ones.
// The hub never imports the world: this contract is all it knows of it.
import type { Asset, Site } from '../../core/model.js';

export interface Fleet {
  sites: Site[];
  assets: Asset[];
  /** Which asset depends on which (an e-gate on a platform and its site's link); none when left out. */
  dependencies?: { asset: string; dependsOn: string }[];
}

export interface Stoppable {
  stop(): Promise<void>;
}

/** The demo's devices: every asset's management API, served on one loopback server. */
export interface DemoDevices extends Stoppable {
  /** Base URL; the control endpoint (drills) is `${url}/control/v1`. */
  url: string;
  managementUrlOf(assetId: string): string;
  /** The bearer token these devices' management APIs take: the hub's diagnostics send it to them, and only to them. */
  deviceToken: string;
  /** The control endpoint's bearer token: handed back to whoever started the hub, for the drills. */
  controlToken: string;
  /**
   * A drill's fault, put on a device of this world: how a playbook's inject
   * step reaches the demo fleet without the hub holding the control token.
   * With `forMs` (real milliseconds) the world lifts it by itself after that
   * long, as a drill's `for:` says (a platform that comes back, a line the
   * carrier repairs).
   */
  injectFault?(assetId: string, fault: string, options?: { forMs?: number }): Promise<InjectedDrillFault>;
}

/** A fault a drill injected: its id in the world, on which asset, of which kind. */
export interface InjectedDrillFault {
  id: string;
  assetId: string;
  fault: string;
}

export interface SimulatorStart {
  hubUrl: string;
  /** An officer token the hub issued for this run; the simulator posts telemetry and alerts with it. */
  token: string;
  fleet: Fleet;
  seed: number;
  speed: number;
  /** Real milliseconds between the simulator's ticks (its reports); the simulator's default, a second, when absent. */
  tickMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface PastFlowImport {
  hubUrl: string;
  /** The simulator's intake token: the past comes in through the telemetry intake like any import. */
  token: string;
  fleet: Fleet;
  seed: number;
  /** The live run's speed: the past is reported as a run at it would have reported it. */
  speed: number;
  /** Days of it (the world's default when absent). */
  days?: number;
  /** Where the past ends: the live run starts here. */
  until: Date;
  /** Aborted when the hub stops: the import ends at its next slice. */
  signal?: AbortSignal;
}

export interface DemoWorld {
  buildFleet(): Fleet | Promise<Fleet>;
  /** A world without devices runs the simulator alone (assets keep their managementUrl). */
  startDevices?(options: { fleet: Fleet; now?: () => Date; log?: (line: string) => void }): Promise<DemoDevices>;
  /**
   * Reports the fleet's past hourly flow to a hub that has none (a fresh
   * store), as an import from a centre's existing systems would, so its
   * forecaster starts with the history a real centre's has. Runs beside a
   * serving hub and yields to it; resolves once it is in (or aborted), with
   * how many reports over how many days.
   */
  importPastFlow?(options: PastFlowImport): Promise<{ reports: number; days: number }>;
  /** Called after startDevices, so the simulator and the devices can share one world. */
  startSimulator(options: SimulatorStart): Stoppable;
}
