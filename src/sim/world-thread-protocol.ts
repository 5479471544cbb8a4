// What the hub's thread and the demo world's thread (world-thread.ts) say to
// each other: calls on the world, each answered once by its number, and the
// world's log lines. Plain data only: it crosses by structured clone.
import type { Fleet, InjectedDrillFault } from '../hub/demo/demo-world.js';

export interface WorldThreadData {
  fleet: Fleet;
}

/** The devices as the hub's thread needs them; managementUrlOf is built from the url on that side. */
export interface ThreadDevices {
  url: string;
  deviceToken: string;
  controlToken: string;
}

/** Each call the world's thread answers, by name: its argument and its answer. */
export interface WorldCalls {
  startDevices: [undefined, ThreadDevices];
  importPast: [{ hubUrl: string; token: string; seed: number; speed: number; days?: number; untilMs: number }, { reports: number; days: number }];
  abortPast: [undefined, void];
  startSimulator: [{ hubUrl: string; token: string; seed: number; speed: number }, void];
  inject: [{ assetId: string; fault: string; forMs?: number }, InjectedDrillFault];
  stopSimulator: [undefined, void];
  stopDevices: [undefined, void];
}
export type WorldMethod = keyof WorldCalls;

export type ToWorld = { [M in WorldMethod]: { call: number; method: M; args: WorldCalls[M][0] } }[WorldMethod];

/** An error as it crosses: the emulator's refusals keep their status and code. */
export interface CrossedError {
  name: string;
  message: string;
  status?: number;
  code?: string;
}

export type FromWorld = { type: 'done'; call: number; value: unknown } | { type: 'failed'; call: number; error: CrossedError } | { type: 'log'; line: string };
