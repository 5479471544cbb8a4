// The one write that starts a run, shared by a person's start (run-start.ts)
// and the hub's own auto-runs (auto-runs.ts), which makes it inside the
// transaction that opens an incident. Kept apart from run-start.ts, whose
// plan needs the step executors, so the incident writes that start auto-runs
// do not import the executors (which import the incident actions).
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { RunRecord, StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';
import type { ResolvedStart } from './run-inputs.js';
import { runView } from './views.js';

/**
 * Writes a resolved start: the run row with its definition frozen, its audit row and event, in the caller's
 * transaction. `worldSpeed`: the demo world's clock, frozen on a drill's row (drill-clock.ts).
 */
export async function insertStartedRun(tx: StoreWriter, emit: Emit, resolved: ResolvedStart, caller: Caller, at: string, worldSpeed = 1): Promise<RunRecord> {
  const { entry, inputs, siteId, incidentId, drill } = resolved;
  const { definition } = entry;
  const stored = await tx.insertRun({
    playbookId: definition.id,
    playbookVersion: definition.version,
    playbookHash: entry.hash,
    definition,
    title: definition.title,
    status: 'running',
    waitingOn: null,
    reason: null,
    currentStep: definition.steps[0]!.id,
    cursorAttempt: 1,
    inputs,
    incidentId,
    siteId,
    drill,
    drillSpeed: drill ? worldSpeed : null,
    startedBy: refOf(caller.actor),
    startedByRole: caller.actor.role,
    channel: caller.channel,
    startedAt: at,
  });
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: 'playbook.run.start',
    target: stored.id,
    detail: { playbook: definition.id, version: definition.version, hash: entry.hash, source: entry.source, inputs, siteId, incidentId, drill, ...(drill ? { drillSpeed: worldSpeed } : {}), ...callerDetail(caller) },
  });
  emit('playbook.run', runView(stored));
  return stored;
}

