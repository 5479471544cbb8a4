// Key performance indicators.
import type { RemoteKpi } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function kpiCalls(hub: HubConnection) {
  return {
    /** `since`: an ISO time or a span back from now (24h, 7d); default 24h. */
    remoteKpi: (filter: { since?: string | undefined } = {}): Promise<RemoteKpi> => hub.request('GET', `/v1/kpi/remote${query(filter)}`),
  };
}

export type KpiCalls = ReturnType<typeof kpiCalls>;
