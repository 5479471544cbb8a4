// Alerts waiting to reach the hub. Like Alertmanager retrying a failed
// notification, only the latest state of each alert is kept: if a fault
// fires and clears while the hub is away, the hub hears that it cleared.
import type { AlertmanagerAlert } from './alerts.js';

// Enough for every fault of a long outage; the oldest go first beyond it.
const MAX_PENDING = 5_000;

export class AlertOutbox {
  private readonly pending = new Map<string, AlertmanagerAlert>();

  add(alerts: readonly AlertmanagerAlert[]): void {
    for (const alert of alerts) {
      this.pending.delete(alert.fingerprint); // re-insert: keeps the newest last
      this.pending.set(alert.fingerprint, alert);
    }
    for (const oldest of this.pending.keys()) {
      if (this.pending.size <= MAX_PENDING) break;
      this.pending.delete(oldest);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** Up to `limit` pending alerts, oldest first. */
  peek(limit = Infinity): AlertmanagerAlert[] {
    const alerts: AlertmanagerAlert[] = [];
    for (const alert of this.pending.values()) {
      if (alerts.length >= limit) break;
      alerts.push(alert);
    }
    return alerts;
  }

  /** Forget what was delivered, unless a newer state arrived meanwhile. */
  delivered(alerts: readonly AlertmanagerAlert[]): void {
    for (const alert of alerts) {
      if (this.pending.get(alert.fingerprint) === alert) this.pending.delete(alert.fingerprint);
    }
  }
}
