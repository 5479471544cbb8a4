// The world the device emulator serves: every demo asset as a device, with
// the fault it has now. Faults arrive from the simulator's draws or a drill's
// injection; they leave when a remote action fixes them, a technician repairs
// the asset (DELETE on the control endpoint), or the simulator's repair time
// runs out. The simulator hears of what happened here through FaultWorldLink.
import type { Asset } from '../../core/model.js';
import type { DeviceAction, DeviceLogLine } from '../../devices/device-api.js';
import type { FaultWorldLink, InjectedFault, WorldChanges } from '../fault-link.js';
import type { Fault } from '../faults.js';
import { checkParams, defaultEffortMs, effectOf, offers, type ActionParams } from './actions.js';
import { DeviceState, type ActiveFault, type StoredOutcome } from './device-state.js';
import { EmulatorRequestError } from './errors.js';
import type { GroundTruthFault } from '../../core/model/emulator-control.js';
import { FAULT_KINDS, faultKindOf } from './fault-kinds.js';
import { healthOf, metricsOf } from './probes.js';
import { AppliedActions, type AppliedAction } from './applied-actions.js';

export type { GroundTruthFault };

export interface DeviceWorldOptions {
  now?: () => Date;
  /** Real milliseconds an action takes (default: 50–300 ms, a reboot 0.6–1.5 s). */
  effortMs?: (action: DeviceAction) => number;
}

export const injectedFaultId = (seq: number) => `I${String(seq).padStart(6, '0')}`;

export class DeviceWorld implements FaultWorldLink {
  private readonly assets: ReadonlyMap<string, Asset>;
  private readonly devices = new Map<string, DeviceState>();
  private readonly faulted = new Map<string, DeviceState>();
  private readonly now: () => number;
  private readonly effortMs: (action: DeviceAction) => number;
  private changes: WorldChanges = { cleared: [], injected: [] };
  private readonly applied = new AppliedActions();
  private nextInjectedSeq = 1;

  constructor(assets: readonly Asset[], options: DeviceWorldOptions = {}) {
    this.assets = new Map(assets.map((a) => [a.id, a]));
    const clock = options.now ?? (() => new Date());
    this.now = () => clock().getTime();
    this.effortMs = options.effortMs ?? defaultEffortMs;
  }

  has(assetId: string): boolean {
    return this.assets.has(assetId);
  }

  // ---- ground truth (the control endpoint) ----------------------------------

  faults(): GroundTruthFault[] {
    this.liftLapsed();
    return [...this.faulted.values()].map((d) => groundTruthOf(d, d.fault!));
  }

  /** A drill: give a healthy asset a fault of its kind; with `forMs`, lifted by the world after that long. */
  inject(assetId: string, faultName: string, options: { forMs?: number | undefined } = {}): GroundTruthFault {
    this.liftLapsed();
    const device = this.device(assetId);
    const kind = faultKindOf(device.asset.kind, faultName);
    if (!kind) {
      const known = FAULT_KINDS[device.asset.kind].map((k) => k.name).join(', ');
      throw new EmulatorRequestError(400, 'unknown_fault', `"${faultName}" is not a fault of a ${device.asset.kind}; one of: ${known}`);
    }
    if (device.fault) {
      throw new EmulatorRequestError(409, 'already_faulted', `${assetId} already has a fault (${device.fault.kind.name})`);
    }
    const id = injectedFaultId(this.nextInjectedSeq++);
    const since = this.now();
    const until = options.forMs === undefined ? {} : { until: since + Math.max(0, options.forMs) };
    this.setFault(device, { id, kind, since, source: 'injected', mitigated: false, ...until });
    this.changes.injected.push({ id, assetId, faultKind: kind.name } satisfies InjectedFault);
    return groundTruthOf(device, device.fault!);
  }

  /** A technician repaired the asset on site. Returns the fault repaired, or null if it had none. */
  repair(assetId: string): GroundTruthFault | null {
    const device = this.device(assetId);
    if (!device.fault) return null;
    const repaired = groundTruthOf(device, device.fault);
    this.clearFault(device, 'repaired on site');
    return repaired;
  }

  /** Per asset and idempotency key, how often an action was really carried out and how often replayed. */
  appliedActions(assetId?: string): AppliedAction[] {
    return this.applied.list(assetId);
  }

  // ---- the device management API ---------------------------------------------

  health(assetId: string) {
    this.liftLapsed();
    return healthOf(this.device(assetId), this.now());
  }

  metrics(assetId: string) {
    this.liftLapsed();
    return metricsOf(this.device(assetId), this.now());
  }

  logs(assetId: string, lines: number): DeviceLogLine[] {
    const device = this.device(assetId);
    if (device.recentLog(1).length === 0) device.log(device.bootedAt, 'info', 'service started');
    return device.recentLog(lines);
  }

  /**
   * Carries out an action once per idempotency key; a repeated key (even while
   * the first is still working) gets the first one's outcome, replayed.
   */
  async act(assetId: string, action: DeviceAction, params: ActionParams, key: string) {
    this.liftLapsed();
    const device = this.device(assetId);
    if (!offers(device, action)) {
      throw new EmulatorRequestError(404, 'unknown_action', `a ${device.asset.kind} does not offer ${action}`);
    }
    const stored = device.outcomeFor(key);
    if (stored) {
      this.applied.replayed(assetId, key);
      return { ...(await stored), replayed: true };
    }
    checkParams(action, params);
    device.log(this.now(), 'info', `${action} requested`);
    this.applied.carriedOut(assetId, action, key, this.now());
    const outcome = this.carryOut(device, action, params);
    device.remember(key, outcome);
    return { ...(await outcome), replayed: false };
  }

  private async carryOut(device: DeviceState, action: DeviceAction, params: ActionParams): Promise<StoredOutcome> {
    await new Promise((resolve) => setTimeout(resolve, this.effortMs(action)));
    const effect = effectOf(device, action, params);
    const now = this.now();
    if (effect.reboots) device.bootedAt = now;
    if (effect.mode) device.mode = effect.mode;
    const fault = device.fault;
    if (fault && effect.clears) this.clearFault(device, `fixed by ${action}`);
    else if (fault && fault.kind.remedy === 'mitigate') fault.mitigated = device.mode === 'offline';
    device.log(now, effect.outcome.status === 'done' ? 'info' : 'warn', `${action}: ${effect.outcome.message ?? effect.outcome.status}`);
    return effect.outcome;
  }

  // ---- FaultWorldLink (the simulator) ----------------------------------------

  takeChanges(): WorldChanges {
    this.liftLapsed();
    const taken = this.changes;
    this.changes = { cleared: [], injected: [] };
    return taken;
  }

  faultsStarted(faults: readonly Fault[]): void {
    for (const f of faults) {
      const device = this.device(f.assetId);
      const kind = faultKindOf(device.asset.kind, f.faultKind);
      // The simulator only draws for healthy assets and only known kinds.
      if (!kind || device.fault) continue;
      this.setFault(device, { id: f.id, kind, since: f.startedAt, source: f.source, mitigated: false });
    }
  }

  faultsCleared(faults: readonly Fault[]): void {
    for (const f of faults) {
      const device = this.devices.get(f.assetId);
      // Only the fault the simulator means: the asset may have been fixed and faulted again since.
      if (device?.fault?.id === f.id) this.clearFault(device, 'recovered', { notify: false });
    }
  }

  // ---- internals -------------------------------------------------------------

  /** Faults whose time is up leave as a repair would (the simulator hears it and resolves the alert). Read lazily: no timer. */
  private liftLapsed(): void {
    const now = this.now();
    for (const device of [...this.faulted.values()]) {
      if (device.fault?.until !== undefined && device.fault.until <= now) this.clearFault(device, 'its drill time ran out');
    }
  }

  private device(assetId: string): DeviceState {
    let device = this.devices.get(assetId);
    if (device) return device;
    const asset = this.assets.get(assetId);
    if (!asset) throw new EmulatorRequestError(404, 'unknown_asset', `no asset ${assetId} here`);
    // Devices have been up a while when the demo starts: a day or two, spread by id.
    const uptimeMs = (1 + ((assetId.length * 7919) % 97) / 97) * 86_400_000;
    device = new DeviceState(asset, this.now() - uptimeMs);
    this.devices.set(assetId, device);
    return device;
  }

  private setFault(device: DeviceState, fault: ActiveFault): void {
    device.fault = fault;
    this.faulted.set(device.asset.id, device);
    device.log(fault.since, fault.kind.hardware ? 'error' : fault.kind.status === 'down' ? 'error' : 'warn', fault.kind.log);
  }

  private clearFault(device: DeviceState, why: string, { notify = true } = {}): void {
    const fault = device.fault!;
    device.fault = null;
    this.faulted.delete(device.asset.id);
    // The platform answers again: the link goes back online on its own.
    if (fault.kind.remedy === 'mitigate') device.mode = 'online';
    device.log(this.now(), 'info', `${fault.kind.name} cleared: ${why}`);
    if (notify) this.changes.cleared.push(fault.id);
  }
}

function groundTruthOf(device: DeviceState, fault: ActiveFault): GroundTruthFault {
  return {
    id: fault.id,
    assetId: device.asset.id,
    siteId: device.asset.siteId,
    assetKind: device.asset.kind,
    fault: fault.kind.name,
    hardware: fault.kind.hardware,
    field: fault.kind.field,
    remedy: fault.kind.remedy,
    mitigated: fault.mitigated,
    since: new Date(fault.since).toISOString(),
    source: fault.source,
  };
}
