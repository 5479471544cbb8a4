// Key performance indicators.
import type { KpiKind, KpiReport, KpiSummary, RemoteKpi, SiteKind } from '../model.js';
import { query, type HubConnection } from './connection.js';

/** The period and scope of a KPI. `since`, `until`: ISO times or spans back from now (24h, 7d); default the last 24h. One of site, region, kind. */
export interface KpiFilter {
  since?: string | undefined;
  until?: string | undefined;
  site?: string | undefined;
  region?: string | undefined;
  kind?: SiteKind | undefined;
}

export function kpiCalls(hub: HubConnection) {
  return {
    /** The remote-resolution KPI's own figures, and (from hubs with the KPI framework) its report. */
    remoteKpi: (filter: KpiFilter = {}): Promise<RemoteKpi & Partial<KpiReport>> => hub.request('GET', `/v1/kpi/remote${query(filter)}`),

    /** Every KPI over one period and scope. */
    kpiSummary: (filter: KpiFilter = {}): Promise<KpiSummary> => hub.request('GET', `/v1/kpi${query(filter)}`),

    /** One KPI in detail (remote's report comes with its own figures: `remoteKpi`). */
    kpiReport: (kpi: Exclude<KpiKind, 'remote'>, filter: KpiFilter = {}): Promise<KpiReport> =>
      hub.request('GET', `/v1/kpi/${encodeURIComponent(kpi)}${query(filter)}`),
  };
}

export type KpiCalls = ReturnType<typeof kpiCalls>;
