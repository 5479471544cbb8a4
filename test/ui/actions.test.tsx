// The action keys (d, f, e, r, p) against a fake WatchClient that records
// every call: what reaches the client, what the screen says back (a refusal
// in the hub's words), progress in place, the summary prompt, double presses.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { MutationResult } from '../../src/core/model.js';
import { ForbiddenError } from '../../src/core/errors.js';
import type { DiagEvent, DiagnoseInput, DiagVerdictEvent, Incident } from '../../src/core/model.js';
import { WatchApp, keyAction, type WatchClient } from '../../src/ui/app.js';
import { clockTime } from '../../src/ui/look.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { FLEET, INCIDENTS, INCIDENT_DETAIL, RUH_DETAIL } from '../commands/fixtures.js';
import { KEYS, waitForFrame } from './frames.js';

const AT = '2025-03-01T06:31:00Z';
const NOW = () => new Date('2025-03-01T06:31:00Z');

const probe = (assetId: string): DiagEvent => ({ type: 'probe', at: AT, assetId, probe: 'health', ok: true, status: 'down', durationMs: 12, error: null });
const finding = (assetId: string): DiagEvent => ({
  type: 'finding', at: AT, assetId,
  finding: { code: 'card-reader-jam', text: 'the passport reader is jammed', cause: 'hardware', check: null, detail: null, remoteFix: false, mitigated: false, partsLikely: [] },
});
const verdict = (assetId: string, v: DiagVerdictEvent['verdict'], summary: string): DiagVerdictEvent => ({
  type: 'verdict', at: AT, assetId, siteId: 'RUH', kind: 'egate', verdict: v, summary, incidentId: null, dispatchId: null, findings: [], actions: [],
});

/** A diagnostics run the test drives: events go out when the test says, and it ends when the test says. */
class ControlledRun {
  emit!: (e: DiagEvent) => void;
  finish!: (verdicts: DiagVerdictEvent[]) => void;
  fail!: (e: Error) => void;
  readonly started: Promise<void>;
  private markStarted!: () => void;
  constructor() {
    this.started = new Promise((r) => (this.markStarted = r));
  }
  run(onEvent: (e: DiagEvent) => void): Promise<DiagVerdictEvent[]> {
    this.emit = onEvent;
    this.markStarted();
    return new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
  }
}

interface Recorded {
  diagnose: DiagnoseInput[];
  escalate: string[];
  resolve: Array<[string, string]>;
  ack: string[];
}

function fakeClient(options: { refuse?: Partial<Record<'escalate' | 'resolve' | 'diagnose', string>>; run?: ControlledRun } = {}) {
  const calls: Recorded = { diagnose: [], escalate: [], resolve: [], ack: [] };
  const incidents = new Map(INCIDENTS.map((i) => [i.id, i]));
  const change = (id: string, over: Partial<Incident>): MutationResult => {
    const incident = { ...incidents.get(id)!, ...over, version: incidents.get(id)!.version + 1 };
    incidents.set(id, incident);
    return { incident, changed: true };
  };
  const client: WatchClient = {
    fleetStatus: async () => FLEET,
    listIncidents: async () => [...incidents.values()],
    // Live until the screen closes; nothing happens on the stream itself.
    events: async ({ signal, onOpen }) => {
      onOpen?.();
      await new Promise<void>((r) => signal?.addEventListener('abort', () => r(), { once: true }));
      return undefined;
    },
    getSite: async () => RUH_DETAIL,
    getIncident: async (id) => ({ ...INCIDENT_DETAIL, incident: incidents.get(id)! }),
    ack: async (id) => {
      calls.ack.push(id);
      return change(id, { state: 'acknowledged' });
    },
    escalate: async (id) => {
      calls.escalate.push(id);
      if (options.refuse?.escalate) throw new ForbiddenError(options.refuse.escalate);
      return change(id, { escalations: 1 });
    },
    resolve: async (id, summary) => {
      calls.resolve.push([id, summary]);
      if (options.refuse?.resolve) throw new ForbiddenError(options.refuse.resolve);
      return change(id, { state: 'resolved', summary });
    },
    diagnose: async (input, onEvent = () => {}) => {
      calls.diagnose.push(input);
      if (options.refuse?.diagnose) throw new ForbiddenError(options.refuse.diagnose);
      return options.run ? options.run.run(onEvent) : [];
    },
  };
  return { client, calls };
}

async function openApp(client: WatchClient, lang: 'en' | 'ar' = 'en') {
  const app = render(<WatchApp client={client} width={100} height={30} now={NOW} lang={lang} />);
  await waitForFrame(app.lastFrame, (f) => f.includes(lang === 'en' ? '● live' : '● مباشر') && f.includes('INC-000042'));
  return app;
}

/** Tab to the queue, where INC-000042 (sev2, the most severe) is selected. */
async function toQueue(app: Awaited<ReturnType<typeof openApp>>) {
  app.stdin.write(KEYS.tab);
  await waitForFrame(app.lastFrame, (f) => f.includes('▶ '));
}

describe('d: diagnostics with progress in place', () => {
  it('opens the incident, shows a line per asset as events stream in, ends with the verdicts, and refuses a second run meanwhile', async () => {
    const run = new ControlledRun();
    const { client, calls } = fakeClient({ run });
    const app = await openApp(client);
    try {
      await toQueue(app);
      app.stdin.write('d');
      await run.started;
      expect(calls.diagnose).toEqual([{ target: 'INC-000042', fix: false }]);
      await waitForFrame(app.lastFrame, (f) => f.includes('Diagnostics on INC-000042 running…') && f.includes('Timeline'));

      run.emit(probe('RUH/egate-01'));
      run.emit(probe('RUH/egate-02'));
      await waitForFrame(app.lastFrame, (f) => /RUH\/egate-01\s+probing…/.test(f) && /RUH\/egate-02\s+probing…/.test(f));
      run.emit(finding('RUH/egate-02'));
      // The finding replaces that asset's line; the other asset keeps its own.
      const found = await waitForFrame(app.lastFrame, (f) => /RUH\/egate-02\s+finding card-reader-jam: the passport reader is jammed/.test(f));
      expect(found).toMatch(/RUH\/egate-01\s+probing…/);

      // A second d on the same incident while it runs: said, not started.
      app.stdin.write('d');
      await waitForFrame(app.lastFrame, (f) => f.includes('diagnostics on INC-000042 are already running'));
      expect(calls.diagnose).toHaveLength(1);

      const verdicts = [verdict('RUH/egate-01', 'healthy', 'all checks passed'), verdict('RUH/egate-02', 'dispatched', 'hardware fault: technician sent')];
      for (const v of verdicts) run.emit(v);
      run.finish(verdicts);
      const done = await waitForFrame(app.lastFrame, (f) => f.includes('done: 1 healthy, 1 technician dispatched'));
      expect(done).toMatch(/RUH\/egate-02\s+technician dispatched: hardware fault: technician sent/);
      expect(done).toContain('diagnostics on INC-000042: 1 healthy, 1 technician dispatched');

      // Back to the queue and d again: a new run is allowed once the first has ended.
      app.stdin.write(KEYS.escape);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ '));
      app.stdin.write('d');
      await waitForFrame(app.lastFrame, (f) => f.includes('Diagnostics on INC-000042 running…'));
      expect(calls.diagnose).toHaveLength(2);
      run.finish([]);
    } finally {
      app.unmount();
    }
  });

  it('on the wall, d diagnoses the selected site', async () => {
    const run = new ControlledRun();
    const { client, calls } = fakeClient({ run });
    const app = await openApp(client);
    try {
      app.stdin.write('d');
      await run.started;
      // JED is the first tile (air ports, by id).
      expect(calls.diagnose).toEqual([{ target: 'JED', fix: false }]);
      run.finish([]);
      await waitForFrame(app.lastFrame, (f) => f.includes('Diagnostics on JED done: none'));
    } finally {
      app.unmount();
    }
  });
});

describe('f, e, r, p', () => {
  it('f asks for a fix; a refusal shows the hub’s reason in the status line and in the pane', async () => {
    const { client, calls } = fakeClient({ refuse: { diagnose: 'the viewer role may not fix devices; an officer may' } });
    const app = await openApp(client);
    try {
      await toQueue(app);
      app.stdin.write('f');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('INC-000042: the viewer role may not fix devices'));
      expect(calls.diagnose).toEqual([{ target: 'INC-000042', fix: true }]);
      expect(frame).toContain('Diagnose and fix on INC-000042 failed: the viewer role may not fix devices');
    } finally {
      app.unmount();
    }
  });

  it('e escalates the selected incident through the client; a refusal is shown', async () => {
    const ok = fakeClient();
    let app = await openApp(ok.client);
    try {
      await toQueue(app);
      app.stdin.write('e');
      await waitForFrame(app.lastFrame, (f) => f.includes('escalated INC-000042'));
      expect(ok.calls.escalate).toEqual(['INC-000042']);
    } finally {
      app.unmount();
    }
    const refused = fakeClient({ refuse: { escalate: 'escalating needs the supervisor role' } });
    app = await openApp(refused.client);
    try {
      await toQueue(app);
      app.stdin.write('e');
      await waitForFrame(app.lastFrame, (f) => /● live\s+INC-000042: escalating needs the supervisor role/.test(f));
    } finally {
      app.unmount();
    }
  });

  it('a resolved incident in detail offers no action keys, and a, d, f, e and r are refused without calling the hub', async () => {
    const { client, calls } = fakeClient();
    const app = await openApp(client);
    try {
      await toQueue(app);
      // Each input once the one before it is drawn: Enter (the detail), r, the summary, Enter.
      const steps: Array<[string, string]> = [
        [KEYS.enter, 'a: acknowledge · d: diagnose'],
        ['r', 'Resolve INC-000042 — summary:'],
        ['reader reseated', 'summary: reader reseated'],
        [KEYS.enter, 'resolved INC-000042'],
      ];
      for (const [input, shown] of steps) {
        app.stdin.write(input);
        await waitForFrame(app.lastFrame, (f) => f.includes(shown));
      }
      const resolved = await waitForFrame(app.lastFrame, (f) => f.includes('Enter or Esc: back'));
      expect(resolved).not.toContain('a: acknowledge');
      for (const key of ['a', 'd', 'f', 'e', 'r']) app.stdin.write(key);
      await waitForFrame(app.lastFrame, (f) => f.includes('INC-000042 is resolved: nothing more to do on it'));
      // Esc drawn: every key before it has been handled.
      app.stdin.write(KEYS.escape);
      const back = await waitForFrame(app.lastFrame, (f) => f.includes('▶ ') && !f.includes('Enter or Esc: back'));
      expect(back).not.toContain('summary:');
      expect(calls).toMatchObject({ ack: [], escalate: [], diagnose: [] });
      expect(calls.resolve).toHaveLength(1);
    } finally {
      app.unmount();
    }
  });

  it('a refusal that carries a hub time shows it as a clock time, not ISO-8601', async () => {
    const { client } = fakeClient({ refuse: { escalate: 'INC-000042 was already resolved at 2025-03-01T06:20:00.000Z; cannot escalate it' } });
    const app = await openApp(client);
    try {
      await toQueue(app);
      app.stdin.write('e');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('cannot escalate it'));
      expect(frame).toContain(`was already resolved at ${clockTime(new Date('2025-03-01T06:20:00.000Z'))};`);
      expect(frame).not.toContain('2025-03-01T');
    } finally {
      app.unmount();
    }
  });

  it('e and r on the wall (no incident selected) say to select one, and call nothing', async () => {
    const { client, calls } = fakeClient();
    const app = await openApp(client);
    try {
      app.stdin.write('e');
      await waitForFrame(app.lastFrame, (f) => f.includes('select an incident in the queue first (Tab)'));
      app.stdin.write('r');
      await waitForFrame(app.lastFrame, (f) => f.includes('select an incident in the queue first (Tab)'));
      // Had r opened a prompt, p would be typed into it instead of answering.
      app.stdin.write('p');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('this hub has no playbooks'));
      expect(frame).not.toContain('summary:');
      expect(calls.escalate).toEqual([]);
    } finally {
      app.unmount();
    }
  });

  it('r asks for a summary: Esc cancels, an empty one is refused with a hint, Enter resolves; keys go to the prompt only', async () => {
    const { client, calls } = fakeClient();
    const app = await openApp(client);
    try {
      await toQueue(app);
      app.stdin.write('r');
      await waitForFrame(app.lastFrame, (f) => f.includes('Resolve INC-000042 — summary:') && f.includes('Enter resolves · Esc cancels'));
      app.stdin.write(KEYS.escape);
      await waitForFrame(app.lastFrame, (f) => !f.includes('summary:') && f.includes('● live'));

      app.stdin.write('r');
      await waitForFrame(app.lastFrame, (f) => f.includes('Resolve INC-000042 — summary:'));
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes('a summary is needed: say what was done'));
      expect(calls.resolve).toEqual([]);

      // q, g and d are letters of the summary here, not keys.
      app.stdin.write('gate reseated; diag ok');
      await waitForFrame(app.lastFrame, (f) => f.includes('summary: gate reseated; diag ok'));
      app.stdin.write(KEYS.backspace);
      await waitForFrame(app.lastFrame, (f) => f.includes('summary: gate reseated; diag o') && !f.includes('diag ok'));
      app.stdin.write('k');
      await waitForFrame(app.lastFrame, (f) => f.includes('diag ok'));
      app.stdin.write(KEYS.enter);
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('resolved INC-000042'));
      expect(calls.resolve).toEqual([['INC-000042', 'gate reseated; diag ok']]);
      expect(calls.diagnose).toEqual([]);
      // Resolved incidents leave the queue.
      expect(frame).not.toMatch(/sev2 INC-000042/);
    } finally {
      app.unmount();
    }
  });

  it('p with a client that has no playbook calls says so in one line (test/ui/playbooks.test.tsx runs it on a real hub)', async () => {
    const { client } = fakeClient();
    const app = await openApp(client);
    try {
      app.stdin.write('p');
      await waitForFrame(app.lastFrame, (f) => f.includes('this hub has no playbooks'));
    } finally {
      app.unmount();
    }
  });
});

describe('the prompt and the run in the reducer', () => {
  const none = {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, return: false,
    escape: false, tab: false, backspace: false, delete: false, ctrl: false, meta: false,
  };

  it('an open prompt takes every key: letters are text, Enter submits only a non-blank summary', () => {
    const open = reduce(initialState(), { type: 'openPrompt', incidentId: 'INC-000042' });
    expect(keyAction(open, 'q', none, 6)).toEqual({ type: 'editPrompt', text: 'q' });
    expect(keyAction(open, '', { ...none, return: true }, 6)).toEqual({ type: 'refusePrompt' });
    const blank = reduce(open, { type: 'editPrompt', text: '   ' });
    expect(keyAction(blank, '', { ...none, return: true }, 6)).toEqual({ type: 'refusePrompt' });
    const typed = reduce(reduce(blank, { type: 'refusePrompt' }), { type: 'editPrompt', text: 'تم الإصلاح' });
    expect(typed.prompt).toMatchObject({ text: 'تم الإصلاح', refused: false });
    expect(keyAction(typed, '', { ...none, return: true }, 6)).toBe('submitResolve');
    expect(keyAction(typed, '', { ...none, escape: true }, 6)).toEqual({ type: 'closePrompt' });
  });

  it('in a site’s detail, d and f work but a, e and r (incident actions) do not', () => {
    const site = { ...initialState(), detail: { kind: 'site' as const, id: 'RUH', data: null } };
    expect(['d', 'f', 'a', 'e', 'r'].map((k) => keyAction(site, k, none, 6))).toEqual(['diagnose', 'fix', undefined, undefined, undefined]);
    const inc = { ...initialState(), detail: { kind: 'incident' as const, id: 'INC-000042', data: null } };
    expect(['d', 'f', 'a', 'e', 'r'].map((k) => keyAction(inc, k, none, 6))).toEqual(['diagnose', 'fix', 'ack', 'escalate', 'askResolve']);
  });

  it('a run keeps one line per asset, a verdict is not overwritten, and run-level errors are kept apart', () => {
    let s = reduce(initialState(), { type: 'diagStarted', target: 'RUH', fix: true });
    s = reduce(s, { type: 'diagEvent', target: 'RUH', event: probe('RUH/a') });
    s = reduce(s, { type: 'diagEvent', target: 'RUH', event: verdict('RUH/a', 'fixed', 'restarted') });
    s = reduce(s, { type: 'diagEvent', target: 'RUH', event: probe('RUH/a') });
    s = reduce(s, { type: 'diagEvent', target: 'RUH', event: { type: 'error', at: AT, assetId: null, code: 'hub_error', message: 'the run failed in the hub' } });
    s = reduce(s, { type: 'diagEvent', target: 'OTHER', event: probe('X/a') });
    expect(s.runs.RUH!.assets.map((a) => [a.assetId, a.last.type])).toEqual([['RUH/a', 'verdict']]);
    expect(s.runs.RUH!.errors).toEqual(['hub_error: the run failed in the hub']);
    expect(s.runs.OTHER).toBeUndefined();
    expect(reduce(s, { type: 'diagEnded', target: 'RUH', error: null }).runs.RUH!.done).toBe(true);
  });
});
