// A small discrete-event simulation of the M/M/c queue, so the Erlang C
// formulas are checked against the queue itself and not only against their
// own algebra. FIFO with identical servers: each arrival, in order, starts
// with whichever server frees first (or at once if one is idle), so one pass
// over the arrivals gives every wait. Seeded, and bounded by a fixed number of
// arrivals, so a run is reproducible and its duration known.
import { exponential, mulberry32 } from '../../src/sim/rng.js';

const BATCHES = 20;

export interface MmcSimulationInput {
  servers: number;
  arrivalRate: number;
  serviceRate: number;
  /** Arrivals simulated (the first `warmUp` of them are not counted). */
  arrivals: number;
  warmUp: number;
  seed: number;
}

export interface MmcSimulationResult {
  /** The share of counted arrivals that found every server busy. */
  probabilityOfWaiting: number;
  meanWait: number;
  /**
   * The standard error of meanWait by batch means: the counted arrivals cut
   * into BATCHES runs in arrival order, whose means are close to independent
   * when each batch is much longer than the queue's memory.
   */
  meanWaitStandardError: number;
  /** The sorted waits of the counted arrivals, for service levels and percentiles. */
  waits: Float64Array;
}

export function simulateMmc(input: MmcSimulationInput): MmcSimulationResult {
  const rng = mulberry32(input.seed);
  const freeAt = new Float64Array(input.servers); // when each server next falls idle
  const waits = new Float64Array(input.arrivals - input.warmUp);
  let clock = 0;
  let waited = 0;
  for (let i = 0; i < input.arrivals; i++) {
    clock += exponential(rng, 1 / input.arrivalRate);
    let first = 0;
    for (let s = 1; s < input.servers; s++) if (freeAt[s]! < freeAt[first]!) first = s;
    const start = Math.max(clock, freeAt[first]!);
    freeAt[first] = start + exponential(rng, 1 / input.serviceRate);
    if (i < input.warmUp) continue;
    const wait = start - clock;
    waits[i - input.warmUp] = wait;
    if (wait > 0) waited++;
  }
  const counted = waits.length;
  const meanWait = waits.reduce((a, b) => a + b, 0) / counted;
  const meanWaitStandardError = batchStandardError(waits, meanWait);
  waits.sort();
  return { probabilityOfWaiting: waited / counted, meanWait, meanWaitStandardError, waits };
}

function batchStandardError(waits: Float64Array, mean: number): number {
  const size = Math.floor(waits.length / BATCHES);
  let squares = 0;
  for (let b = 0; b < BATCHES; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += waits[i]!;
    squares += (sum / size - mean) ** 2;
  }
  return Math.sqrt(squares / (BATCHES - 1) / BATCHES);
}

/** The share of simulated waits no longer than `target`. */
export function simulatedServiceLevel(result: MmcSimulationResult, target: number): number {
  let n = 0;
  while (n < result.waits.length && result.waits[n]! <= target) n++;
  return n / result.waits.length;
}
