// Auto-runs: a playbook marked `auto: true` whose triggers match a new
// incident is started by the hub itself — only while an admin has turned
// auto-runs on (off by default, a switch in the store). The run starts in the
// transaction that opens the incident, so it is never lost between a commit
// and a start, and a claim row per (incident, playbook) keeps it to one however
// often the incident matches and whichever hub sees it. The hub is the run's
// starter, on the channel `auto`: a person who approves is never the
// requester, so a two-person step still needs two people.
import { ConflictError, UnavailableError, WatchfloorError } from '../../core/errors.js';
import type { AutoRunChange, AutoRunSetting, Incident } from '../../core/model.js';
import { refOf, type Caller } from '../caller.js';
import type { StoreWriter } from '../store/store.js';
import { transact, type Emit, type TransactDeps } from '../transact.js';
import type { PlaybookCatalog } from './catalog.js';
import { resolveStart } from './run-inputs.js';
import { insertStartedRun } from './run-insert.js';
import type { PlaybookMatch } from './triggers.js';

/** The starter of every auto-run: no token has this id, so nobody's approval is the requester's. */
export const AUTO_RUNNER: Caller = { actor: { id: 'hub', name: 'hub (auto-run)', role: 'officer' }, channel: 'auto' };

/**
 * Starts the auto playbooks among `matches` for a new incident, in the
 * transaction that opens it. A playbook that cannot start on this incident
 * (an input with no value) is audited as refused, never fails the incident.
 */
export async function startAutoRuns(tx: StoreWriter, emit: Emit, catalog: PlaybookCatalog, incident: Incident, matches: readonly PlaybookMatch[]): Promise<void> {
  const auto = matches.filter((m) => m.entry.definition.auto);
  if (auto.length === 0 || !(await tx.getAutoRunSetting()).enabled) return;
  const at = incident.createdAt;
  for (const { entry } of auto) {
    const playbookId = entry.definition.id;
    // The write lock is held from here to commit, so no other hub's claim can come between.
    if (await tx.hasAutoRun(incident.id, playbookId)) continue;
    let resolved;
    try {
      resolved = await resolveStart(tx, catalog, { playbook: playbookId, incident: incident.id });
    } catch (e) {
      if (!(e instanceof WatchfloorError) || e instanceof UnavailableError) throw e;
      await tx.appendAudit({
        at,
        actor: refOf(AUTO_RUNNER.actor),
        channel: AUTO_RUNNER.channel,
        action: 'playbook.run.auto-refused',
        target: incident.id,
        detail: { playbook: playbookId, reason: e.message },
      });
      continue;
    }
    const run = await insertStartedRun(tx, emit, resolved, AUTO_RUNNER, at);
    // Only a store without the write lock above could lose this race; then nothing of this transaction stays.
    if (!(await tx.claimAutoRun({ incidentId: incident.id, playbookId, runId: run.id, at }))) {
      throw new ConflictError(`${incident.id} already has an auto-run of ${playbookId}`, { hint: 'send it again: the incident is there now' });
    }
  }
}

/** An admin turns auto-runs on or off; audited, and announced as `playbook.auto`. */
export async function setAutoRuns(deps: TransactDeps, caller: Caller, enabled: boolean): Promise<AutoRunChange> {
  return transact(deps, async (tx, emit) => {
    const before = await tx.getAutoRunSetting();
    if (before.enabled === enabled) return { setting: before, changed: false };
    const at = deps.now().toISOString();
    const setting: AutoRunSetting = { enabled, changedAt: at, changedBy: refOf(caller.actor) };
    await tx.setAutoRunSetting({ enabled, changedAt: at, changedBy: refOf(caller.actor) });
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'playbook.auto',
      target: 'playbook-auto-runs',
      detail: { enabled },
    });
    const change: AutoRunChange = { setting, changed: true };
    emit('playbook.auto', change);
    return change;
  });
}
