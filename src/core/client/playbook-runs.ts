// Playbook runs: start one (or plan it), list and read them, steer them, and
// follow one live on the hub's event stream until it ends or waits for a
// person.
import { ENDED_RUN_STATUSES, PERSON_WAITS } from '../vocabulary.js';
import type { HubEvent, PlaybookRun, PlaybookRunDetail, RunChange, RunPlan, RunStatus, StartRunInput, StepAttempt } from '../model.js';
import { query, type HubConnection } from './connection.js';
import { eventCalls } from './events.js';

export interface RunFilter {
  state?: RunStatus | 'active' | undefined;
  playbook?: string | undefined;
  limit?: number | undefined;
}

/** What following a run sees: the run as it started (with its steps), then each step attempt and the run as they change. */
export type RunUpdate =
  | { type: 'started'; detail: PlaybookRunDetail }
  | { type: 'step'; step: StepAttempt & { runId: string } }
  | { type: 'run'; run: PlaybookRun };

/** A run stops being followed here: it ended, is paused, or waits for a person. */
export const runRestsWithPeople = (run: PlaybookRun): boolean =>
  ENDED_RUN_STATUSES.includes(run.status) || run.status === 'paused' || (run.status === 'waiting' && run.waitingOn !== null && PERSON_WAITS.includes(run.waitingOn));

const runPath = (id: string, action = '') => `/v1/playbook-runs/${encodeURIComponent(id)}${action}`;

export function playbookRunCalls(hub: HubConnection) {
  const events = eventCalls(hub).events;
  const calls = {
    listRuns: async (filter: RunFilter = {}): Promise<PlaybookRun[]> => (await hub.request<{ runs: PlaybookRun[] }>('GET', `/v1/playbook-runs${query(filter)}`)).runs,
    getRun: (id: string): Promise<PlaybookRunDetail> => hub.request('GET', runPath(id)),
    startRun: (input: Omit<StartRunInput, 'dryRun'>): Promise<PlaybookRunDetail> => hub.request('POST', '/v1/playbook-runs', input),
    planRun: async (input: Omit<StartRunInput, 'dryRun'>): Promise<RunPlan> => (await hub.request<{ plan: RunPlan }>('POST', '/v1/playbook-runs', { ...input, dryRun: true })).plan,
    pauseRun: (id: string, reason?: string): Promise<RunChange> => hub.request('POST', runPath(id, '/pause'), reason ? { reason } : {}),
    resumeRun: (id: string): Promise<RunChange> => hub.request('POST', runPath(id, '/resume'), {}),
    abortRun: (id: string, reason?: string): Promise<RunChange> => hub.request('POST', runPath(id, '/abort'), reason ? { reason } : {}),
    retryStep: (id: string, step: string): Promise<RunChange> => hub.request('POST', runPath(id, '/retry'), { step }),
    noteRun: (id: string, text: string): Promise<RunChange> => hub.request('POST', runPath(id, '/notes'), { text }),
    approveStep: (id: string, options: { step?: string; reason?: string } = {}): Promise<RunChange> => hub.request('POST', runPath(id, '/approve'), options),
    rejectStep: (id: string, options: { step?: string; reason?: string } = {}): Promise<RunChange> => hub.request('POST', runPath(id, '/reject'), options),
    confirmItems: (id: string, items: number[], step?: string): Promise<RunChange> => hub.request('POST', runPath(id, '/confirm'), { items, ...(step ? { step } : {}) }),

    /**
     * Starts a run and follows it on the event stream (opened first, so no
     * step is missed), calling `onUpdate` for each change of this run, until
     * it ends, is paused or waits for a person; resolves with the run then.
     */
    async startAndFollow(input: Omit<StartRunInput, 'dryRun'>, onUpdate: (update: RunUpdate) => void): Promise<PlaybookRun> {
      const abort = new AbortController();
      let runId: string | undefined;
      let last: PlaybookRun | undefined;
      const early: HubEvent[] = [];
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const see = (event: HubEvent) => {
        if (event.type === 'playbook.step') {
          const step = event.data as StepAttempt & { runId: string };
          if (step.runId === runId) onUpdate({ type: 'step', step });
        } else if (event.type === 'playbook.run') {
          const run = event.data as PlaybookRun;
          if (run.id !== runId) return;
          last = run;
          onUpdate({ type: 'run', run });
          if (runRestsWithPeople(run)) abort.abort();
        }
      };
      const stream = events({ signal: abort.signal, onOpen: opened, onEvent: (e) => (runId === undefined ? early.push(e) : see(e)) });
      const failed = stream.then(() => undefined);
      await Promise.race([open, failed]);
      try {
        const started = await calls.startRun(input);
        runId = started.run.id;
        onUpdate({ type: 'started', detail: started });
        // The stream was open before the run started: every change of it is on the stream, some maybe already here.
        for (const e of early.splice(0)) see(e);
        await stream;
      } finally {
        abort.abort();
      }
      return last ?? (await calls.getRun(runId!)).run;
    },
  };
  return calls;
}

export type PlaybookRunCalls = ReturnType<typeof playbookRunCalls>;
