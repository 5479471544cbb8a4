// What every change a person makes to a run shares: the run found (or a 404
// naming it), the audit row with who, through which channel and for whom,
// and the run's event — in the caller's transaction.
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { PlaybookRun } from '../../core/model.js';
import { ENDED_RUN_STATUSES } from '../../core/vocabulary.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { RunRecord, StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';
import { scoreIfDrillEnded } from './drill-scores.js';
import { runView } from './views.js';

export function runNotFound(id: string): NotFoundError {
  return new NotFoundError(`no playbook run ${id}`, { hint: 'list them with `watchfloor playbook runs`' });
}

export async function runOrNotFound(tx: StoreWriter, id: string): Promise<RunRecord> {
  const run = await tx.getRun(normalRunId(id));
  if (!run) throw runNotFound(id);
  return run;
}

/** 7, run-7 and RUN-000007 all name the same run. */
export function normalRunId(text: string): string {
  const digits = /^(?:run-)?0*(\d{1,9})$/i.exec(text.trim())?.[1];
  return digits ? `RUN-${digits.padStart(6, '0')}` : text.trim().toUpperCase();
}

export function refuseIfEnded(run: RunRecord, doing: string): void {
  if (ENDED_RUN_STATUSES.includes(run.status)) {
    throw new ConflictError(`${run.id} already ${run.status}; there is nothing to ${doing}`, { details: { status: run.status } });
  }
}

/** The audit row of a person's change, then the run as it now is, announced. */
export async function recordPersonChange(
  tx: StoreWriter,
  emit: Emit,
  caller: Caller,
  at: string,
  run: RunRecord,
  action: string,
  detail: Record<string, unknown>,
): Promise<PlaybookRun> {
  await tx.appendAudit({ at, actor: refOf(caller.actor), channel: caller.channel, action, target: run.id, detail: { ...detail, ...callerDetail(caller) } });
  const after = (await tx.getRun(run.id))!;
  await scoreIfDrillEnded(tx, emit, after);
  const view = runView(after);
  emit('playbook.run', view);
  return view;
}
