// "KPIs for the shift against the previous one": every KPI the hub computes
// for a period (src/hub/kpi), over the shift — each figure carries the same
// figure over the shift of the same length before it. The remote-resolution
// figures keep their first shape beside them (handovers issued before the KPI
// framework have only those, and their record never changes).
import type { HandoverKpis } from '../../core/model.js';
import { KPI_KINDS } from '../../core/vocabulary.js';
import { remoteKpi } from '../diagnostics/kpi.js';
import { computeKpiSummary } from '../kpi/compute-kpis.js';
import type { StoreReader } from '../store/store.js';

/** The shift [from, until) against the shift of the same length before it. */
export async function shiftKpis(store: StoreReader, shift: { from: string; until: string }): Promise<HandoverKpis> {
  const lengthMs = Date.parse(shift.until) - Date.parse(shift.from);
  const previousFrom = new Date(Date.parse(shift.from) - lengthMs).toISOString();
  const [current, previous, summary] = await Promise.all([
    store.listRemoteOutcomes(shift.from, shift.until),
    store.listRemoteOutcomes(previousFrom, shift.from),
    computeKpiSummary(store, { since: shift.from, until: shift.until }),
  ]);
  return {
    computed: [...KPI_KINDS],
    pending: [],
    current: { remote: remoteKpi(current, shift.from, shift.until) },
    previous: { remote: remoteKpi(previous, previousFrom, shift.from) },
    summary,
  };
}
