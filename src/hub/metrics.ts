// Prometheus metrics, one registry per hub so several hubs in one process
// (tests) do not share counters.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SeverityCounts } from '../core/model.js';
import { SEVERITIES } from '../core/vocabulary.js';

export interface MetricSources {
  openIncidents(): Promise<SeverityCounts>;
  sseClients(): number;
}

export interface HubMetrics {
  readonly registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  countAlerts(outcome: 'created' | 'updated' | 'resolved' | 'ignored', n: number): void;
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
    render: () => registry.metrics(),
  };
}
