// Row ↔ domain mapping for the remote-diagnostics tables (migration 2).
import type { DiagAction, Dispatch, DispatchPriority, DispatchState, Finding } from '../../../core/model.js';
import type { DiagnosticRunRecord } from '../diagnostics-store.js';

export interface DispatchRow {
  id: string;
  incident_id: string;
  site_id: string | null;
  asset_id: string;
  findings: string;
  actions_tried: string;
  parts_likely: string;
  priority: string;
  state: string;
  created_at: string;
  created_by_id: string;
  created_by: string;
  closed_at: string | null;
  closed_by_id: string | null;
  closed_by: string | null;
  note: string | null;
}

export const dispatchFromRow = (r: DispatchRow): Dispatch => ({
  id: r.id,
  incidentId: r.incident_id,
  siteId: r.site_id,
  assetId: r.asset_id,
  findings: JSON.parse(r.findings) as Finding[],
  actionsTried: JSON.parse(r.actions_tried) as DiagAction[],
  partsLikely: JSON.parse(r.parts_likely) as string[],
  priority: r.priority as DispatchPriority,
  state: r.state as DispatchState,
  createdAt: r.created_at,
  createdBy: { id: r.created_by_id, name: r.created_by },
  closedAt: r.closed_at,
  closedBy: r.closed_by_id === null ? null : { id: r.closed_by_id, name: r.closed_by ?? r.closed_by_id },
  note: r.note,
});

export const dispatchToRow = (d: Dispatch): DispatchRow => ({
  id: d.id,
  incident_id: d.incidentId,
  site_id: d.siteId,
  asset_id: d.assetId,
  findings: JSON.stringify(d.findings),
  actions_tried: JSON.stringify(d.actionsTried),
  parts_likely: JSON.stringify(d.partsLikely),
  priority: d.priority,
  state: d.state,
  created_at: d.createdAt,
  created_by_id: d.createdBy.id,
  created_by: d.createdBy.name,
  closed_at: d.closedAt,
  closed_by_id: d.closedBy?.id ?? null,
  closed_by: d.closedBy?.name ?? null,
  note: d.note,
});

export const diagnosticRunToRow = (r: DiagnosticRunRecord) => ({
  id: r.id,
  incident_id: r.incidentId,
  site_id: r.siteId,
  asset_id: r.assetId,
  actor_id: r.actor.id,
  actor_name: r.actor.name,
  channel: r.channel,
  fix: r.fix ? 1 : 0,
  verdict: r.verdict,
  findings: JSON.stringify(r.findings),
  actions: JSON.stringify(r.actions),
  started_at: r.startedAt,
  finished_at: r.finishedAt,
});
