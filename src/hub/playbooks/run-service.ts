// Playbook runs as the API (and any other front of the hub) sees them: start,
// plan, read, and every person's action, each followed by a nudge to the
// runner so the run moves at once rather than at the next tick.
import type { PlaybookRun, PlaybookRunDetail, RunChange, RunPlan, RunsQuery, StartRunInput } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import { catalogOf, type PlaybookCatalog } from './catalog.js';
import { normalRunId, runNotFound } from './person-writes.js';
import { abortRun, noteRun, pauseRun, resumeRun, retryStep } from './run-controls.js';
import { confirmItems, decideApproval } from './run-decisions.js';
import { planRun, startRun } from './run-start.js';
import { createRunner, type PlaybookRunner, type RunnerOptions } from './runner.js';
import { runDetail } from './views.js';

export interface PlaybookRuns {
  list(query: RunsQuery): Promise<PlaybookRun[]>;
  get(id: string): Promise<PlaybookRunDetail>;
  plan(request: StartRunInput): Promise<RunPlan>;
  start(caller: Caller, request: StartRunInput): Promise<PlaybookRunDetail>;
  pause(caller: Caller, id: string, reason?: string): Promise<RunChange>;
  resume(caller: Caller, id: string): Promise<RunChange>;
  abort(caller: Caller, id: string, reason?: string): Promise<RunChange>;
  retry(caller: Caller, id: string, step: string): Promise<RunChange>;
  note(caller: Caller, id: string, text: string): Promise<RunChange>;
  approve(caller: Caller, id: string, request: { step?: string | undefined; reason?: string | undefined }): Promise<RunChange>;
  reject(caller: Caller, id: string, request: { step?: string | undefined; reason?: string | undefined }): Promise<RunChange>;
  confirm(caller: Caller, id: string, request: { step?: string | undefined; items: number[] }): Promise<RunChange>;
  readonly runner: PlaybookRunner;
}

export function createPlaybookRuns(ctx: HubContext, options: RunnerOptions = {}): PlaybookRuns {
  const runner = createRunner(ctx, options);
  // The catalogue as it is when a run starts: a run keeps what it froze then.
  const catalog = (): PlaybookCatalog => ctx.playbooks ?? catalogOf([]);
  const moved = async (change: Promise<RunChange>): Promise<RunChange> => {
    const done = await change;
    if (done.changed) runner.nudge(done.run.id);
    return done;
  };
  return {
    runner,
    list: (q) => ctx.store.listRuns({ status: q.state, playbookId: q.playbook, limit: q.limit }),
    async get(id) {
      const run = await ctx.store.getRun(normalRunId(id));
      if (!run) throw runNotFound(id);
      return runDetail(ctx.store, run);
    },
    plan: (request) => planRun(ctx.store, catalog(), request),
    async start(caller, request) {
      const detail = await startRun(ctx, catalog(), caller, request, ctx.faults?.speed);
      runner.nudge(detail.run.id);
      return detail;
    },
    pause: (caller, id, reason) => moved(pauseRun(ctx, caller, id, reason)),
    resume: (caller, id) => moved(resumeRun(ctx, caller, id)),
    abort: (caller, id, reason) => moved(abortRun(ctx, caller, id, reason)),
    retry: (caller, id, step) => moved(retryStep(ctx, caller, id, step)),
    note: (caller, id, text) => noteRun(ctx, caller, id, text),
    approve: (caller, id, request) => moved(decideApproval(ctx, caller, id, 'approved', request)),
    reject: (caller, id, request) => moved(decideApproval(ctx, caller, id, 'rejected', request)),
    confirm: (caller, id, request) => moved(confirmItems(ctx, caller, id, request)),
  };
}
