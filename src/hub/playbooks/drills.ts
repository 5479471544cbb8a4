// Drills as people read them: the scorecards stored when drills ended, newest
// first (a team sees its scores over time), and one drill's scorecard — the
// stored one once it ended, else computed now from its journal (a drill still
// going, its steps not reached yet marked pending).
import { scoreRun } from '../../core/drill-score.js';
import { NotFoundError } from '../../core/errors.js';
import type { DrillScorecard, DrillSummary } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { normalRunId, runNotFound } from './person-writes.js';
import { runView } from './views.js';

export function drillSummary(card: DrillScorecard): DrillSummary {
  return {
    runId: card.runId,
    playbookId: card.playbookId,
    playbookVersion: card.playbookVersion,
    status: card.status,
    startedAt: card.startedAt,
    endedAt: card.endedAt,
    clock: card.clock,
    score: card.score,
    onTime: card.onTime,
    late: card.late,
    missed: card.missed,
    firstActionMs: card.firstAction.ms,
    recoveryMs: card.recovery.ms,
  };
}

export async function listDrills(store: StoreReader, query: { playbook?: string | undefined; limit?: number | undefined }): Promise<DrillSummary[]> {
  return (await store.listDrillScores({ playbookId: query.playbook, limit: query.limit })).map(drillSummary);
}

export async function drillScorecard(store: StoreReader, id: string): Promise<DrillScorecard> {
  const runId = normalRunId(id);
  const stored = await store.getDrillScore(runId);
  if (stored) return stored;
  const run = await store.getRun(runId);
  if (!run) throw runNotFound(id);
  if (!run.drill) {
    throw new NotFoundError(`${run.id} is not a drill: it has no scorecard`, { hint: `its after-action report: \`watchfloor playbook report ${run.id}\`` });
  }
  return scoreRun({ run: runView(run), definition: run.definition, attempts: await store.listAttempts(run.id) });
}
