// A drill's scorecard, stored in the transaction that ends the drill — by the
// runner (it succeeded or failed) or by a person (aborted, or resumed past its
// last step) — from the definition the run froze, so the score a team got
// stays what it was when the playbook's file changes later. Announced as
// `drill.scored` for whoever shows scores live.
import { scoreRun } from '../../core/drill-score.js';
import { ENDED_RUN_STATUSES } from '../../core/vocabulary.js';
import type { RunRecord, StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';
import { runView } from './views.js';
import { endDrillSilences } from '../silences/drill-silences.js';

export async function scoreIfDrillEnded(tx: StoreWriter, emit: Emit, run: RunRecord): Promise<void> {
  if (!run.drill || !ENDED_RUN_STATUSES.includes(run.status)) return;
  if (await tx.getDrillScore(run.id)) return;
  await endDrillSilences(tx, emit, run.id, run.endedAt ?? run.updatedAt);
  const card = scoreRun({ run: runView(run), definition: run.definition, attempts: await tx.listAttempts(run.id) });
  await tx.insertDrillScore(card);
  emit('drill.scored', card);
}
