// Prometheus metrics, one registry per hub so several hubs in one process
// (tests) do not share counters.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SeverityCounts } from '../core/model.js';
import { SEVERITIES } from '../core/vocabulary.js';

export interface MetricSources {
  openIncidents(): Promise<SeverityCounts>;
  sseClients(): number;
}

/** queue_full, journal_full: backpressure (503); storage: the store could not write; apply_failed: a journaled request that could not be applied. */
export type IntakeRejection = 'queue_full' | 'journal_full' | 'storage' | 'apply_failed';
/** cause: under a parent incident of a failing dependency; window: same labels at many sites; flapping: one flapping incident. */
export type GroupingKind = 'cause' | 'window' | 'flapping';

export interface HubMetrics {
  readonly registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  countAlerts(outcome: 'created' | 'updated' | 'resolved' | 'ignored' | 'silenced', n: number): void;
  /** Alerts the intake took in (its rate is the intake rate); refused ones are not counted. */
  countAlertsReceived(n: number): void;
  /** Alerts the journal's applier turned into incidents (its rate is the drain rate). */
  countAlertsApplied(n: number): void;
  /** Where the journal's unapplied alerts are read from. */
  readJournalBacklog(alerts: () => number): void;
  /** A request the intake refused: its queue or journal was full, or the store could not write. */
  countIntakeRejected(reason: IntakeRejection): void;
  /** How many requests one intake transaction committed (group commit at work). */
  observeIntakeCommit(requests: number): void;
  /** Where the intake queue's depth is read from (the ingest routes hand it when they start). */
  readIntakeDepth(depth: () => { requests: number; alerts: number }): void;
  /** Alerts folded into another incident rather than opening their own, by how they were grouped. */
  countAlertsGrouped(kind: GroupingKind, n: number): void;
  /** A publish written to every event stream: seconds since it was published (the turn after its commit). */
  observeFanout(seconds: number): void;
  render(): Promise<string>;
}

export function createHubMetrics(sources: MetricSources): HubMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'watchfloor_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'watchfloor_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'watchfloor_alerts_ingested_total',
    help: 'Alertmanager alerts received, by what they did',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const received = new Counter({
    name: 'watchfloor_alerts_received_total',
    help: 'Alerts the intake took in (rate() of it is the intake rate)',
    registers: [registry],
  });
  const applied = new Counter({
    name: 'watchfloor_alerts_applied_total',
    help: 'Alerts the journal applier turned into incidents or updates (rate() of it is the drain rate)',
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'watchfloor_intake_rejected_total',
    help: 'Intake requests refused with 503 and Retry-After, by reason (queue_full, journal_full, storage); apply_failed: journaled, dropped unapplied',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const commits = new Histogram({
    name: 'watchfloor_intake_commit_requests',
    help: 'Requests committed together in one intake transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [registry],
  });
  const grouped = new Counter({
    name: 'watchfloor_alerts_grouped_total',
    help: 'Alerts folded into another incident instead of opening their own, by kind (cause, window, flapping)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const fanout = new Histogram({
    name: 'watchfloor_event_fanout_seconds',
    help: 'From an event publish (the turn after its commit) until every event stream was handed it',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  let intakeDepth = () => ({ requests: 0, alerts: 0 });
  let journalBacklog = () => 0;
  new Gauge({
    name: 'watchfloor_intake_journal_alerts',
    help: 'Alerts in the journal, taken in (answered 2xx) and not yet applied',
    registers: [registry],
    collect() {
      this.set(journalBacklog());
    },
  });
  new Gauge({
    name: 'watchfloor_intake_queue_requests',
    help: 'Intake requests waiting for the writer',
    registers: [registry],
    collect() {
      this.set(intakeDepth().requests);
    },
  });
  new Gauge({
    name: 'watchfloor_intake_queue_alerts',
    help: 'Alerts waiting for the writer (the queue is bounded by these)',
    registers: [registry],
    collect() {
      this.set(intakeDepth().alerts);
    },
  });
  new Gauge({
    name: 'watchfloor_open_incidents',
    help: 'Incidents not yet resolved, by severity',
    labelNames: ['severity'] as const,
    registers: [registry],
    async collect() {
      const counts = await sources.openIncidents();
      for (const s of SEVERITIES) this.set({ severity: s }, counts[s]);
    },
  });
  new Gauge({
    name: 'watchfloor_sse_clients',
    help: 'Clients connected to the event stream',
    registers: [registry],
    collect() {
      this.set(sources.sseClients());
    },
  });

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    countAlerts(outcome, n) {
      if (n > 0) alerts.inc({ outcome }, n);
    },
    countAlertsReceived: (n) => received.inc(n),
    countAlertsApplied: (n) => applied.inc(n),
    readJournalBacklog(alerts) {
      journalBacklog = alerts;
    },
    countIntakeRejected: (reason) => rejected.inc({ reason }),
    observeIntakeCommit: (n) => commits.observe(n),
    readIntakeDepth(depth) {
      intakeDepth = depth;
    },
    countAlertsGrouped(kind, n) {
      if (n > 0) grouped.inc({ kind }, n);
    },
    observeFanout: (seconds) => fanout.observe(seconds),
    render: () => registry.metrics(),
  };
}
