// What a diagnostic run writes: timeline entries on the incident, audit rows
// for actions, the remote resolution, the work order. Each write is its own
// short transaction, so officers watching the incident see the run progress.
// Dry runs never get here (the runner swaps in noRecorder).
import type { Asset, DiagAction, Dispatch, DispatchPriority, Incident, Severity, TimelineKind } from '../../core/model.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import { decideResolve, resolutionRefusal, type Resolution } from '../incidents/decisions.js';
import { draftIncident } from '../incidents/draft.js';
import { storeIncidentChange, storeNewIncident } from '../incidents/incident-writes.js';
import { canTransition, isOpen } from '../incidents/state-machine.js';
import type { DiagnosticRunRecord } from '../store/store.js';
import { transact } from '../transact.js';
import type { IncidentDeps } from '../incidents/incident-actions.js';
import type { Diagnosis } from './findings.js';

export type RecordDeps = IncidentDeps;

export const PRIORITY_FOR: Record<Severity, DispatchPriority> = { sev1: 'P1', sev2: 'P2', sev3: 'P3', sev4: 'P4' };

/** Where a run writes; `noRecorder` for dry runs. */
export interface Recorder {
  timeline(incidentId: string | null, kind: TimelineKind, text: string): Promise<void>;
  action(incidentId: string | null, asset: Asset, action: DiagAction): Promise<void>;
  /** Resolves it the remote way if the caller may (decideResolve's rule); otherwise notes the fix on its timeline and leaves it open. */
  resolve(incidentId: string, summary: string): Promise<Incident | undefined>;
  dispatch(incident: Incident | null, asset: Asset, diagnoses: readonly Diagnosis[], actions: readonly DiagAction[]): Promise<Dispatch>;
  run(record: DiagnosticRunRecord): Promise<void>;
}

export const noRecorder: Recorder = {
  timeline: async () => {},
  action: async () => {},
  resolve: async () => undefined,
  dispatch: async () => {
    throw new Error('a dry run never dispatches');
  },
  run: async () => {},
};

export function storeRecorder(deps: RecordDeps, caller: Caller): Recorder {
  const at = () => deps.now().toISOString();
  const entry = (incidentId: string, kind: TimelineKind, text: string) => ({
    incidentId,
    at: at(),
    kind,
    actor: refOf(caller.actor),
    channel: caller.channel,
    text,
  });
  return {
    async timeline(incidentId, kind, text) {
      if (!incidentId) return;
      await transact(deps, (tx) => tx.appendTimeline(entry(incidentId, kind, text)));
    },

    async action(incidentId, asset, action) {
      const text = `${action.action}${Object.keys(action.params).length ? ` ${JSON.stringify(action.params)}` : ''}: ${action.status}${action.replayed ? ' (replayed, not repeated)' : ''}${action.message ? ` — ${action.message}` : ''}`;
      await transact(deps, async (tx) => {
        if (incidentId) await tx.appendTimeline(entry(incidentId, 'action', `${asset.id}: ${text}`));
        await tx.appendAudit({
          at: at(),
          actor: refOf(caller.actor),
          channel: caller.channel,
          action: 'diagnostics.action',
          target: incidentId ?? asset.id,
          detail: {
            assetId: asset.id,
            action: action.action,
            params: action.params,
            status: action.status,
            replayed: action.replayed,
            idempotencyKey: action.idempotencyKey,
            ...callerDetail(caller),
          },
        });
      });
    },

    async resolve(incidentId, summary) {
      return transact(deps, async (tx, emit) => {
        const incident = await tx.getIncident(incidentId);
        if (!incident || !isOpen(incident.state)) return undefined;
        const now = at();
        const resolution: Resolution = { way: 'remote', summary };
        const refusal = resolutionRefusal(incident, caller, resolution);
        if (refusal) {
          // The device is fixed all the same; closing an incident someone else took on stays theirs (or a supervisor's).
          await tx.appendTimeline(entry(incidentId, 'note', `${summary}; left open: ${refusal.message}`));
          return undefined;
        }
        return storeIncidentChange(tx, emit, caller, incident, decideResolve(incident, caller, resolution, now), now);
      });
    },

    async dispatch(known, asset, diagnoses, actions) {
      return transact(deps, async (tx, emit) => {
        const now = at();
        const findings = diagnoses.map((d) => d.finding);
        let incident = known ? await tx.getIncident(known.id) : undefined;
        if (!incident || !isOpen(incident.state)) {
          // Found by a sweep with nobody having reported it: the work order needs an incident.
          incident = await storeNewIncident(
            tx,
            emit,
            caller,
            draftIncident({
              title: `${asset.name}: ${findings[0]?.text ?? 'needs a field visit'}`,
              severity: 'sev3',
              siteId: asset.siteId,
              assetId: asset.id,
              source: 'manual',
              fingerprint: null,
              labels: { source: 'diagnostics' },
              at: now,
            }),
            { kind: 'triggered', text: `opened by diagnostics: ${findings.map((f) => f.text).join('; ')}` },
            { action: 'incident.create', detail: { source: 'diagnostics', assetId: asset.id } },
            deps.playbooks,
          );
        }
        const [open] = await tx.listDispatches({ incidentId: incident.id, state: 'open', limit: 1 });
        if (open) return open;
        const dispatch = await tx.insertDispatch({
          incidentId: incident.id,
          siteId: asset.siteId,
          assetId: asset.id,
          findings,
          actionsTried: [...actions],
          partsLikely: [...new Set(findings.flatMap((f) => f.partsLikely))],
          priority: PRIORITY_FOR[incident.severity],
          state: 'open',
          createdAt: now,
          createdBy: refOf(caller.actor),
          closedAt: null,
          closedBy: null,
          note: null,
        });
        const text = `${dispatch.id}: technician dispatched (${dispatch.priority}) — ${findings.map((f) => f.text).join('; ')}${
          dispatch.partsLikely.length ? `; parts likely: ${dispatch.partsLikely.join(', ')}` : ''
        }`;
        const next = canTransition(incident.state, 'dispatched') ? { ...incident, state: 'dispatched' as const } : incident;
        await storeIncidentChange(tx, emit, caller, incident, {
          incident: next,
          timeline: { kind: 'dispatched', text },
          audit: {
            action: 'dispatch.create',
            detail: { dispatchId: dispatch.id, assetId: asset.id, findings: findings.map((f) => f.code), partsLikely: dispatch.partsLikely },
          },
        }, now);
        return dispatch;
      });
    },

    async run(record) {
      await transact(deps, (tx) => tx.insertDiagnosticRun(record));
    },
  };
}
