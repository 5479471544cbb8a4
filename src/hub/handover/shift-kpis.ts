// The seam for "KPIs for the shift against the previous one". What the hub
// can compute today is the remote-resolution KPI (the same computation as
// `kpi remote`); the period KPIs of src/hub/kpi (incidents, continuity, flow,
// staff, satisfaction, contact centre) join here when they land, named in
// `pending` until then so a handover says what it could not show.
import type { HandoverKpis } from '../../core/model.js';
import { remoteKpi } from '../diagnostics/kpi.js';
import type { StoreReader } from '../store/store.js';

/** The KPIs a handover will show once the hub computes them for a period. */
export const PENDING_SHIFT_KPIS: readonly string[] = ['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre'];

/** The shift [from, until) against the shift of the same length before it. */
export async function shiftKpis(store: StoreReader, shift: { from: string; until: string }): Promise<HandoverKpis> {
  const lengthMs = Date.parse(shift.until) - Date.parse(shift.from);
  const previousFrom = new Date(Date.parse(shift.from) - lengthMs).toISOString();
  const [current, previous] = await Promise.all([
    store.listRemoteOutcomes(shift.from, shift.until),
    store.listRemoteOutcomes(previousFrom, shift.from),
  ]);
  return {
    computed: ['remote'],
    pending: [...PENDING_SHIFT_KPIS],
    current: { remote: remoteKpi(current, shift.from, shift.until) },
    previous: { remote: remoteKpi(previous, previousFrom, shift.from) },
  };
}
