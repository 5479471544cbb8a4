// The clock a run's durations pass on. A drill runs on the demo world's clock
// (the speed `hub start --demo --speed N` gave the simulator, frozen on the
// run when it started): its waits, timeouts, retry delays and injected
// faults' durations pass N times faster than written, so a drill written in
// the minutes of a real crisis plays out in seconds on a fast demo world, and
// its scorecard converts back to the world's minutes. Any other run is on real
// time: a real crisis is never sped up.
import { UsageError } from '../../core/errors.js';
import type { PlaybookRun } from '../../core/model.js';
import { spanMs } from '../../core/time-input.js';

/** A duration as a playbook writes it, in milliseconds of the clock it is read on. */
export function durationMs(text: string): number {
  const ms = spanMs(text);
  if (ms === undefined) throw new UsageError(`"${text}" is not a duration like 30s, 5m, 2h or 1d`);
  return ms;
}

/** World milliseconds per real millisecond for this run. */
export function clockSpeed(run: Pick<PlaybookRun, 'drill' | 'drillSpeed'>): number {
  return run.drill && run.drillSpeed !== null && run.drillSpeed > 0 ? run.drillSpeed : 1;
}

/** A duration the playbook wrote ("10m"), in real milliseconds for this run. */
export function realMs(run: Pick<PlaybookRun, 'drill' | 'drillSpeed'>, written: string): number {
  return durationMs(written) / clockSpeed(run);
}

// Devices answer in real time whatever the world's clock says: a step that
// reaches one keeps this much real time (or what it was written with, if
// less) before it times out, so a fast world does not time out a reboot.
const DEVICE_FLOOR_MS = 30_000;

/** A step's timeout in real milliseconds for this run. */
export function timeoutRealMs(run: Pick<PlaybookRun, 'drill' | 'drillSpeed'>, written: string, reachesDevices: boolean): number {
  const scaled = realMs(run, written);
  return reachesDevices ? Math.max(scaled, Math.min(durationMs(written), DEVICE_FLOOR_MS)) : scaled;
}

/** World milliseconds as real ones for this run. */
export function realFromWorldMs(run: Pick<PlaybookRun, 'drill' | 'drillSpeed'>, worldMs: number): number {
  return worldMs / clockSpeed(run);
}

// A drill's condition checks follow its clock, but never hammer the store.
const MIN_POLL_MS = 100;

/** How often a wait of this run re-reads its condition. */
export function pollMs(run: Pick<PlaybookRun, 'drill' | 'drillSpeed'>, everyMs: number): number {
  return Math.max(Math.min(MIN_POLL_MS, everyMs), Math.round(everyMs / clockSpeed(run)));
}
