// One emulated device: its fault now (if any), the state remote actions
// change, its recent log and the outcomes of the actions it was asked for.
import type { Asset } from '../../core/model.js';
import type { DeviceActionOutcome, DeviceLogLine } from '../../devices/device-api.js';
import type { FaultKind } from './fault-kinds.js';

export interface ActiveFault {
  /** F… from the simulator, I… when injected. */
  id: string;
  kind: FaultKind;
  /** Epoch ms. */
  since: number;
  source: 'simulated' | 'injected';
  /** Contained by a remote action though still present (an upstream outage under offline processing). */
  mitigated: boolean;
  /** Epoch ms when the world lifts it by itself (a drill's fault with a duration); none: only a fix or a repair. */
  until?: number;
}

export type StoredOutcome = Omit<DeviceActionOutcome, 'replayed'>;

// Enough to read what happened around an incident; older lines go first.
const LOG_KEEP = 200;
// A device remembers this many idempotency keys (the contract asks for 24 h;
// no device here sees this many actions in a day).
const OUTCOMES_KEEP = 500;

export class DeviceState {
  fault: ActiveFault | null = null;
  /** Integrations only: offline processing queues documents until the platform returns. */
  mode: 'online' | 'offline' = 'online';
  private readonly logLines: DeviceLogLine[] = [];
  private readonly outcomes = new Map<string, Promise<StoredOutcome>>();

  constructor(
    readonly asset: Asset,
    /** Epoch ms of the last (re)boot. */
    public bootedAt: number,
  ) {}

  log(at: number, level: DeviceLogLine['level'], message: string): void {
    this.logLines.push({ at: new Date(at).toISOString(), level, message });
    if (this.logLines.length > LOG_KEEP) this.logLines.splice(0, this.logLines.length - LOG_KEEP);
  }

  /** The most recent `n` lines, oldest first. */
  recentLog(n: number): DeviceLogLine[] {
    return this.logLines.slice(-n);
  }

  /** The outcome already stored for this key (finished or still in progress), if any. */
  outcomeFor(key: string): Promise<StoredOutcome> | undefined {
    return this.outcomes.get(key);
  }

  remember(key: string, outcome: Promise<StoredOutcome>): void {
    this.outcomes.set(key, outcome);
    for (const oldest of this.outcomes.keys()) {
      if (this.outcomes.size <= OUTCOMES_KEEP) break;
      this.outcomes.delete(oldest);
    }
  }
}
