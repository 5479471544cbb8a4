// The KPIs as the hub serves them, and as other hub modules (the shift
// handover) call them: `computeKpi(store, { kpi, since, until, site? … })`
// reads what the KPI needs over the period and the one before it, keeps what
// is in scope, and measures. Drill runs never count: the store's reads leave
// drill incidents out, and the health history's counted health ignores them.
import type { KpiKind, KpiMeasure, KpiReport, KpiSummary } from '../../core/model.js';
import { KPI_KINDS } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { CONTACT_CENTRE_HEADLINE, contactCentreKpi } from './contact-centre-kpi.js';
import { CONTINUITY_HEADLINE, continuityKpi } from './continuity-kpi.js';
import { readFlowHours, type FlowHour } from '../telemetry/flow-history.js';
import { CRITICAL_ASSET_KINDS } from './critical-assets.js';
import { FLOW_HEADLINE, flowKpi } from './flow-kpi.js';
import { INCIDENTS_HEADLINE, incidentsKpi } from './incidents-kpi.js';
import { iso, kpiPeriod, type KpiPeriod } from './period.js';
import { REMOTE_HEADLINE, remoteKpiMeasures } from './remote-kpi.js';
import { SATISFACTION_HEADLINE, satisfactionKpi } from './satisfaction-kpi.js';
import { STAFF_HEADLINE, staffKpi } from './staff-kpi.js';
import { queueingAdvice, type AdviseOfficers } from './staffing-advice.js';
import { inScope, resolveKpiScope, type KpiScope, type KpiScopeQuery } from './scope.js';

export interface KpiQuery extends KpiScopeQuery {
  /** ISO times, the stored form; the period is [since, until). */
  since: string;
  until: string;
}

interface Measured {
  headline: string;
  measures: KpiMeasure[];
}

export interface KpiOptions {
  /** The staffing advice the staff KPI measures officers against (default: the queueing model's, staffing-advice.ts). */
  advise?: AdviseOfficers;
}

type Measurer = (store: StoreReader, scope: KpiScope, period: KpiPeriod, options: KpiOptions) => Promise<Measured>;

async function flowHoursInScope(store: StoreReader, scope: KpiScope, period: KpiPeriod): Promise<FlowHour[]> {
  const hours = await readFlowHours(store, { from: new Date(period.previousSinceMs), to: new Date(period.untilMs) });
  return hours.filter((h) => inScope(scope, h.siteId));
}


const MEASURERS: Record<KpiKind, Measurer> = {
  async incidents(store, scope, period) {
    const rows = await store.listIncidentTimes(iso(period.previousSinceMs), iso(period.untilMs));
    return { headline: INCIDENTS_HEADLINE, measures: incidentsKpi(rows.filter((i) => inScope(scope, i.siteId)), period) };
  },
  async continuity(store, scope, period) {
    const [assets, changes] = await Promise.all([store.listCountedAssets(CRITICAL_ASSET_KINDS), store.listAssetHealthChanges(iso(period.previousSinceMs))]);
    const assetsInScope = assets.filter((a) => inScope(scope, a.siteId));
    return { headline: CONTINUITY_HEADLINE, measures: continuityKpi(assetsInScope, changes, period) };
  },
  async flow(store, scope, period) {
    return { headline: FLOW_HEADLINE, measures: flowKpi(await flowHoursInScope(store, scope, period), period) };
  },
  async staff(store, scope, period, options) {
    const advise = options.advise ?? queueingAdvice(new Map((await store.listSites()).map((s) => [s.id.toUpperCase(), s.kind])));
    return { headline: STAFF_HEADLINE, measures: staffKpi(await flowHoursInScope(store, scope, period), period, advise) };
  },
  async satisfaction(store, scope, period) {
    const answers = await store.listSurveyAnswers(iso(period.previousSinceMs), iso(period.untilMs));
    return { headline: SATISFACTION_HEADLINE, measures: satisfactionKpi(answers.filter((a) => inScope(scope, a.siteId)), period) };
  },
  async 'contact-centre'(store, scope, period) {
    return { headline: CONTACT_CENTRE_HEADLINE, measures: contactCentreKpi(await flowHoursInScope(store, scope, period), period) };
  },
  async remote(store, scope, period) {
    const outcomes = await store.listRemoteOutcomes(iso(period.previousSinceMs), iso(period.untilMs));
    return { headline: REMOTE_HEADLINE, measures: remoteKpiMeasures(outcomes.filter((o) => inScope(scope, o.siteId)), period) };
  },
};

function report(kpi: KpiKind, scope: KpiScope, period: KpiPeriod, measured: Measured): KpiReport {
  return {
    kpi,
    since: iso(period.sinceMs),
    until: iso(period.untilMs),
    previousSince: iso(period.previousSinceMs),
    bucketSeconds: period.bucketMs / 1000,
    filter: scope.filter,
    headline: measured.headline,
    measures: measured.measures,
  };
}

/** One KPI over [since, until) and the period of the same length before it. */
export async function computeKpi(store: StoreReader, query: KpiQuery & { kpi: KpiKind }, options: KpiOptions = {}): Promise<KpiReport> {
  const scope = await resolveKpiScope(store, query);
  const period = kpiPeriod(query.since, query.until);
  return report(query.kpi, scope, period, await MEASURERS[query.kpi](store, scope, period, options));
}

/** Every KPI over the same period and scope, in KPI_KINDS order. */
export async function computeKpiSummary(store: StoreReader, query: KpiQuery, options: KpiOptions = {}): Promise<KpiSummary> {
  const scope = await resolveKpiScope(store, query);
  const period = kpiPeriod(query.since, query.until);
  const kpis = await Promise.all(KPI_KINDS.map(async (kpi) => report(kpi, scope, period, await MEASURERS[kpi](store, scope, period, options))));
  return { since: iso(period.sinceMs), until: iso(period.untilMs), filter: scope.filter, kpis };
}
