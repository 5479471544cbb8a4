// What a handover says, from what the hub holds at issue: a pure function of
// the shift, the incidents, work orders and playbook runs it was given, the
// previous handover's open items, and the KPIs and predicted breaches. Drill
// incidents and drill runs are left out (as from KPIs): a handover is about
// the real floor. Open items are what is open now, whenever it opened, so an
// item stays in every handover until it closes; those the previous handover
// listed too are the ones carried over.
import type {
  Dispatch,
  HandoverBreaches,
  HandoverContent,
  HandoverDispatch,
  HandoverIncident,
  HandoverItem,
  HandoverKpis,
  HandoverRun,
  Incident,
  PlaybookRun,
} from '../../core/model.js';

export interface HandoverFacts {
  shift: { from: string; until: string };
  previous: { id: string; openItems: readonly HandoverItem[] } | undefined;
  /** Open incidents, and those resolved lately (the shift's among them). */
  incidents: readonly Incident[];
  dispatches: readonly Dispatch[];
  runs: readonly PlaybookRun[];
  kpis: HandoverKpis;
  breaches: HandoverBreaches;
}

const inShift = (at: string | null, shift: { from: string; until: string }): boolean => at !== null && at >= shift.from && at <= shift.until;

const incidentOf = (i: Incident): HandoverIncident => ({
  id: i.id,
  title: i.title,
  severity: i.severity,
  state: i.state,
  siteId: i.siteId,
  createdAt: i.createdAt,
  resolvedAt: i.resolvedAt,
});

const dispatchOf = (d: Dispatch): HandoverDispatch => ({
  id: d.id,
  incidentId: d.incidentId,
  siteId: d.siteId,
  assetId: d.assetId,
  priority: d.priority,
  state: d.state,
  createdAt: d.createdAt,
  closedAt: d.closedAt,
});

const runOf = (r: PlaybookRun): HandoverRun => ({
  id: r.id,
  playbookId: r.playbookId,
  title: r.title.en,
  status: r.status,
  waitingOn: r.waitingOn,
  incidentId: r.incidentId,
  siteId: r.siteId,
  startedAt: r.startedAt,
  endedAt: r.endedAt,
});

const waitsOnApproval = (r: PlaybookRun): boolean => r.status === 'waiting' && r.waitingOn === 'approval';

/** Oldest first: what has waited longest leads. */
const bySince = (a: HandoverItem, b: HandoverItem) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id);

export function composeHandover(facts: HandoverFacts): HandoverContent {
  const { shift } = facts;
  const incidents = facts.incidents.filter((i) => !i.drillRunId);
  const runs = facts.runs.filter((r) => !r.drill);
  const open = incidents.filter((i) => i.state !== 'resolved');
  const openDispatches = facts.dispatches.filter((d) => d.state === 'open');
  const pending = runs.filter(waitsOnApproval);

  const openItems: HandoverItem[] = [
    ...open.map((i): HandoverItem => ({ kind: 'incident', id: i.id, title: i.title, state: i.state, severity: i.severity, siteId: i.siteId, since: i.createdAt })),
    ...openDispatches.map((d): HandoverItem => ({ kind: 'dispatch', id: d.id, title: `work order for ${d.assetId} (${d.incidentId})`, state: d.state, severity: d.priority, siteId: d.siteId, since: d.createdAt })),
    ...pending.map((r): HandoverItem => ({ kind: 'approval', id: r.id, title: r.title.en, state: `waiting on approval of ${r.currentStep ?? 'a step'}`, severity: null, siteId: r.siteId, since: r.startedAt })),
  ].sort(bySince);
  const before = new Set(facts.previous?.openItems.map((i) => i.id) ?? []);

  return {
    shift,
    previousId: facts.previous?.id ?? null,
    incidents: {
      opened: incidents.filter((i) => inShift(i.createdAt, shift)).map(incidentOf),
      resolved: incidents.filter((i) => i.state === 'resolved' && inShift(i.resolvedAt, shift)).map(incidentOf),
    },
    dispatches: facts.dispatches.filter((d) => d.state === 'open' || inShift(d.createdAt, shift) || inShift(d.closedAt, shift)).map(dispatchOf),
    playbookRuns: runs.filter((r) => inShift(r.startedAt, shift) || inShift(r.endedAt, shift) || r.endedAt === null).map(runOf),
    pendingApprovals: pending.map(runOf),
    kpis: facts.kpis,
    predictedBreaches: facts.breaches,
    openItems,
    carriedOver: openItems.filter((i) => before.has(i.id)),
  };
}
