// The container against a real hub on a free port: the snapshot, live
// updates over the event stream, keys, acknowledging through the hub (and
// being refused by it), and the stale banner when the hub goes away.
import { rmSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { startHub } from '../../src/hub/start.js';
import { WatchApp, keyAction } from '../../src/ui/app.js';
import { abortableSleep } from '../../src/core/abortable-sleep.js';
import { backoffMs } from '../../src/ui/live-feed.js';
import { initialState } from '../../src/ui/state.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { KEYS, waitForFrame } from './frames.js';

let hub: TestHub;
let admin: CoreClient;
let officer: CoreClient;
let viewer: CoreClient;
const clients: CoreClient[] = [];

const connect = (token: string) => {
  const c = new CoreClient({ hubUrl: hub.url, token, channel: 'cli', requestTimeoutMs: 5_000 });
  clients.push(c);
  return c;
};
// Reconnect quickly in tests; the backoff itself is unit-tested.
const quickRetry = (_ms: number, signal: AbortSignal) => abortableSleep(50, signal);

beforeAll(async () => {
  // The demo fleet (103 sites) at real speed: the simulator's own traffic runs alongside.
  hub = await startTestHub({ demo: true });
  admin = connect(hub.adminToken);
  officer = connect((await admin.createToken({ name: 'duty-officer', role: 'officer' })).secret);
  viewer = connect((await admin.createToken({ name: 'wall-screen', role: 'viewer' })).secret);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await hub?.stop();
});

describe('watchfloor watch', () => {
  it('shows the fleet, follows new incidents live, filters, regroups and acknowledges through the hub', async () => {
    const app = render(<WatchApp client={officer} width={100} height={30} sleep={quickRetry} />);
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live') && f.includes('Air ports'));

      const { incident } = await admin.createIncident({ title: 'Visa platform link lost', severity: 'sev1', siteId: 'RUH' });
      await waitForFrame(app.lastFrame, (f) => f.includes(incident.id) && f.includes('Visa platform link lost'));

      // One key at a time, each once its effect is drawn: keys written together arrive as one input.
      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ Incidents'));
      app.stdin.write('a');
      await waitForFrame(app.lastFrame, (f) => f.includes(`acknowledged ${incident.id}`));
      expect((await admin.getIncident(incident.id)).incident).toMatchObject({
        state: 'acknowledged',
        acknowledgedBy: { name: 'duty-officer' },
      });

      // The incident in detail, then back.
      app.stdin.write(KEYS.enter);
      const detail = await waitForFrame(app.lastFrame, (f) => f.includes('Timeline'));
      expect(detail).toContain('acknowledged by duty-officer');
      expect(detail).toMatch(/acknowledged\s+duty-officer/);
      app.stdin.write(KEYS.escape);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ Incidents'));

      app.stdin.write('/');
      await waitForFrame(app.lastFrame, (f) => f.includes('Enter keeps'));
      app.stdin.write('ruh');
      await waitForFrame(app.lastFrame, (f) => f.includes('/ruh'));
      app.stdin.write(KEYS.enter);
      const filtered = await waitForFrame(app.lastFrame, (f) => f.includes('filter "ruh"'));
      expect(filtered).toContain('RUH');
      expect(filtered).not.toContain('Land ports');

      // The selected site in detail: its assets come from the hub.
      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => !f.includes('▶ Incidents'));
      app.stdin.write(KEYS.enter);
      const site = await waitForFrame(app.lastFrame, (f) => f.includes('Not ok'));
      expect(site).toMatch(/RUH King Khalid International Airport/);
      expect(site).toMatch(/\d+ assets: \d+ ok/);
      expect(site).toContain(incident.id);
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => !f.includes('Not ok') && f.includes('filter "ruh"'));

      app.stdin.write('g');
      await waitForFrame(app.lastFrame, (f) => f.includes('by region'));
    } finally {
      app.unmount();
    }
  });

  it('a refused action shows the hub’s reason in the status line', async () => {
    const { incident } = await admin.createIncident({ title: 'Kiosk 3 offline', severity: 'sev1', siteId: 'TIF' });
    const app = render(<WatchApp client={viewer} width={120} height={30} sleep={quickRetry} />);
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live') && f.includes(incident.id));
      // Filter to the site, so this incident is the one selected in the queue.
      app.stdin.write('/');
      await waitForFrame(app.lastFrame, (f) => f.includes('Enter keeps'));
      app.stdin.write('TIF');
      await waitForFrame(app.lastFrame, (f) => f.includes('/TIF'));
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes('filter "TIF"'));
      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ Incidents'));
      app.stdin.write('a');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes(`${incident.id}: `));
      expect(frame).toMatch(/● live\s+INC-\d+: .*(role|permission|viewer|not allowed)/i);
      expect((await admin.getIncident(incident.id)).incident.state).toBe('triggered');
    } finally {
      app.unmount();
    }
  });

  it('d diagnoses an incident’s asset on the demo hub with progress in place; f as a viewer is refused; r resolves with a summary', async () => {
    // Only this incident open at ABT, so it is the one selected once the queue is filtered to the site.
    for (const other of await admin.listIncidents({ site: 'ABT', state: 'open' })) await admin.resolve(other.id, 'cleared for the test');
    const [asset] = await admin.listAssets({ site: 'ABT' });
    const { incident } = await admin.createIncident({ title: 'E-gate not answering', severity: 'sev1', siteId: 'ABT', assetId: asset!.id });
    const filterToABT = async (app: ReturnType<typeof render>) => {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live') && f.includes(incident.id));
      app.stdin.write('/');
      await waitForFrame(app.lastFrame, (f) => f.includes('Enter keeps'));
      app.stdin.write('ABT');
      await waitForFrame(app.lastFrame, (f) => f.includes('/ABT'));
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes('filter "ABT"'));
      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ Incidents'));
    };

    const watching = render(<WatchApp client={viewer} width={120} height={30} sleep={quickRetry} />);
    try {
      await filterToABT(watching);
      // A viewer may look (d) but not fix (f): the hub refuses before anything runs.
      watching.stdin.write('f');
      const refused = await waitForFrame(watching.lastFrame, (f) => f.includes(`Diagnose and fix on ${incident.id} failed`), 15_000);
      expect(refused).toMatch(new RegExp(`${incident.id}: .*(role|officer|viewer|not allowed)`, 'i'));
      watching.stdin.write(KEYS.escape);
      await waitForFrame(watching.lastFrame, (f) => f.includes('▶ Incidents'));
      watching.stdin.write('d');
      const done = await waitForFrame(watching.lastFrame, (f) => new RegExp(`Diagnostics on ${incident.id} done: 1 `).test(f), 30_000);
      expect(done).toContain(asset!.id);
      expect(done).toMatch(new RegExp(`diagnostics on ${incident.id}: 1 (healthy|fixed remotely|mitigated remotely|technician dispatched|unreachable|planned)`));
    } finally {
      watching.unmount();
    }

    const app = render(<WatchApp client={officer} width={120} height={30} sleep={quickRetry} />);
    try {
      await filterToABT(app);
      // An officer resolves what they acknowledged (the hub's rule): a first, then r.
      app.stdin.write('a');
      await waitForFrame(app.lastFrame, (f) => f.includes(`acknowledged ${incident.id}`));
      app.stdin.write('r');
      await waitForFrame(app.lastFrame, (f) => f.includes(`Resolve ${incident.id} — summary:`));
      app.stdin.write('reseated the e-gate reader');
      await waitForFrame(app.lastFrame, (f) => f.includes('summary: reseated the e-gate reader'));
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes(`resolved ${incident.id}`));
      expect((await admin.getIncident(incident.id)).incident).toMatchObject({
        state: 'resolved',
        summary: 'reseated the e-gate reader',
        resolvedBy: { name: 'duty-officer' },
      });
    } finally {
      app.unmount();
    }
  });

  it('says the screen is stale when the hub goes away, and catches up when it is back', async () => {
    const app = render(<WatchApp client={admin} width={100} height={30} sleep={quickRetry} />);
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live'));
      await hub.close();
      await waitForFrame(app.lastFrame, (f) => /stale since \d\d:\d\d:\d\d/.test(f));
      await restartHub();
      const { incident } = await admin.createIncident({ title: 'Counter 9 printer jammed', severity: 'sev1', siteId: 'DMM' });
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('● live') && f.includes(incident.id), 10_000);
      expect(frame).not.toContain('stale since');
    } finally {
      app.unmount();
    }
  });

  it('while stale, counts down to the next try, and c tries at once', async () => {
    // A backoff far longer than the test: only c can end it.
    const longWait = (_ms: number, signal: AbortSignal) => abortableSleep(600_000, signal);
    const app = render(<WatchApp client={admin} width={100} height={30} sleep={longWait} />);
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live'));
      await hub.close();
      const stale = await waitForFrame(app.lastFrame, (f) => /reconnecting in \d+s: .* · c: retry now/.test(f));
      expect(stale).toMatch(/stale since \d\d:\d\d:\d\d/);
      await restartHub();
      app.stdin.write('c');
      const frame = await waitForFrame(app.lastFrame, (f) => f.includes('● live') && !f.includes('stale since'), 10_000);
      expect(frame).toContain('Air ports');
    } finally {
      app.unmount();
    }
  });
});

/** The same data file on the same port: what was opened while the screen was away must appear. */
async function restartHub(): Promise<void> {
  const again = await startHub({ dataFile: hub.dataFile, host: '127.0.0.1', port: hub.port });
  const { dir } = hub;
  hub = {
    ...hub,
    close: () => again.close(),
    async stop() {
      await again.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('reconnecting', () => {
  it('backs off from 1 s, doubling, up to 5 s (the screen is live again soon after the hub is back)', () => {
    expect([1, 2, 3, 4, 5, 20].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it('a wait ends as soon as the screen closes', async () => {
    const controller = new AbortController();
    const waited = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(waited).resolves.toBeUndefined();
  });
});

describe('keys', () => {
  const none = {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, return: false,
    escape: false, tab: false, backspace: false, delete: false, ctrl: false, meta: false,
  };
  it('maps hjkl and arrows to moves, q to quit, and nothing else pretends', () => {
    const state = initialState();
    expect(keyAction(state, 'j', none, 6)).toEqual({ type: 'move', direction: 'down', columns: 6 });
    expect(keyAction(state, '', { ...none, leftArrow: true }, 6)).toEqual({ type: 'move', direction: 'left', columns: 6 });
    expect(keyAction(state, 'q', none, 6)).toBe('quit');
    expect(['a', 'd', 'f', 'e', 'r', 'p', 'x'].map((k) => keyAction(state, k, none, 6))).toEqual(['ack', 'diagnose', 'fix', 'escalate', 'askResolve', 'playbooks', undefined]);
    expect(keyAction(state, '', { ...none, return: true }, 6)).toBe('detail');
    const open = { ...state, detail: { kind: 'site' as const, id: 'RUH', data: null } };
    expect(keyAction(open, '', { ...none, escape: true }, 6)).toEqual({ type: 'closeDetail' });
    expect(keyAction(open, 'j', none, 6)).toBeUndefined();
    // c is a key only while the hub is out of reach.
    expect(keyAction(state, 'c', none, 6)).toBeUndefined();
    const stale = { ...state, connection: { state: 'stale' as const, since: new Date(0), retryAt: new Date(5_000), reason: 'ECONNREFUSED' } };
    expect(keyAction(stale, 'c', none, 6)).toBe('retryNow');
  });

  it('while filtering, letters (Arabic too) go to the filter and q does not quit', () => {
    const editing = { ...initialState(), editingFilter: true, filter: 'جد' };
    expect(keyAction(editing, 'ة', none, 6)).toEqual({ type: 'editFilter', text: 'جدة' });
    expect(keyAction(editing, 'q', none, 6)).toEqual({ type: 'editFilter', text: 'جدq' });
    expect(keyAction(editing, '', { ...none, backspace: true }, 6)).toEqual({ type: 'editFilter', text: 'ج' });
    expect(keyAction(editing, '', { ...none, escape: true }, 6)).toEqual({ type: 'endFilter', keep: false });
  });
});
