// The wire shapes of a run (docs/json.md) from what the store keeps: the
// listed run without the hub's own fields (lease, fence, frozen role), and
// the detail with each step of the frozen definition and its attempts.
import type { PlaybookRun, PlaybookRunDetail, RunStep } from '../../core/model.js';
import type { RunRecord, StoreReader } from '../store/store.js';

export function runView(record: RunRecord): PlaybookRun {
  const { definition: _d, cursorAttempt: _c, startedByRole: _r, requestedBy: _q, owner: _o, leaseExpiresAt: _l, fence: _f, ...run } = record;
  return run;
}

export async function runDetail(store: StoreReader, record: RunRecord): Promise<PlaybookRunDetail> {
  const [attempts, approvals, checklist, notes, notifications] = await Promise.all([
    store.listAttempts(record.id),
    store.listApprovals(record.id),
    store.listChecklist(record.id),
    store.listRunNotes(record.id),
    store.listNotifications(record.id),
  ]);
  const steps: RunStep[] = record.definition.steps.map((s) => {
    const mine = attempts.filter((a) => a.stepId === s.id).sort((a, b) => a.attempt - b.attempt);
    return { id: s.id, type: s.type, title: s.title, status: mine.at(-1)?.status ?? 'pending', attempts: mine };
  });
  return { run: runView(record), definition: record.definition, steps, approvals, checklist, notes, notifications };
}
