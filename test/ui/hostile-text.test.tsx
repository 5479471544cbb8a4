// Outside text on the watch screen: an incident title from an alert's
// annotations, a note, an assignee, a stale banner's reason. Whatever way it
// reaches the view state (snapshot, events, a detail fetch, a refusal), the
// screen shows it inert — never an escape sequence Ink would pass through.
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { abortableSleep } from '../../src/core/abortable-sleep.js';
import { WatchApp, WatchScreen } from '../../src/ui/app.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { FLEET, INCIDENT_DETAIL, incident } from '../commands/fixtures.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { KEYS, waitForFrame } from './frames.js';

const ATTACK = '\x1b]0;PWNED\x07\x1b[2J';
const INERT_ATTACK = '\u241b]0;PWNED\u2407\u241b[2J';
// What Ink's own styling never writes: OSC, BEL, a clear screen, C1 controls, bidi overrides.
const RAW = /\x1b\]|\x07|\x1b\[2J|[\x80-\x9f]|[\u202a-\u202e\u2066-\u2069]/;

describe('the view state', () => {
  it('keeps only inert text, from a snapshot, an event, a detail and a disconnect alike', () => {
    const hostile = incident(42, { title: `Gate ${ATTACK}`, assignee: `Eve ${ATTACK}`, labels: { [`k${ATTACK}`]: ATTACK } });
    let state = reduce(initialState(), { type: 'snapshot', fleet: FLEET, incidents: [hostile] });
    state = reduce(state, { type: 'disconnected', at: new Date(), retryInMs: 1000, reason: `reset by ${ATTACK}` });
    state = reduce(state, {
      type: 'detailLoaded',
      detail: { kind: 'incident', id: 'INC-000042', data: { ...INCIDENT_DETAIL, timeline: [{ ...INCIDENT_DETAIL.timeline[1]!, text: `\u202e${ATTACK}` }] } },
    });
    const seen = JSON.stringify(state);
    expect(seen).not.toContain('\\u001b');
    expect(seen).not.toContain('\\u0007');
    expect(seen).not.toContain('\u202e');
    expect(state.incidents[0]!.title).toBe(`Gate ${INERT_ATTACK}`);
    expect(state.connection).toMatchObject({ state: 'stale', reason: `reset by ${INERT_ATTACK}` });
    expect(state.connection.state === 'stale' && state.connection.since).toBeInstanceOf(Date);
  });

  it('drawn by the screen: the queue, the detail pane and the stale banner', () => {
    const hostile = incident(42, { title: `Gate ${ATTACK}`, assignee: `Eve ${ATTACK}` });
    let state = reduce(initialState(), { type: 'snapshot', fleet: FLEET, incidents: [hostile] });
    state = reduce(state, { type: 'disconnected', at: new Date(), retryInMs: 1000, reason: `reset by ${ATTACK}` });
    state = reduce(state, { type: 'switchPane' });
    const queue = render(<WatchScreen state={state} width={100} height={30} now={new Date('2025-03-01T06:30:00Z')} />);
    try {
      const frame = queue.lastFrame() ?? '';
      expect(frame).not.toMatch(RAW);
      expect(frame).toContain('\u241b]0;PWNED');
    } finally {
      queue.unmount();
    }
    state = reduce(state, { type: 'openDetail', kind: 'incident', id: 'INC-000042' });
    state = reduce(state, {
      type: 'detailLoaded',
      detail: { kind: 'incident', id: 'INC-000042', data: { incident: hostile, timeline: [{ ...INCIDENT_DETAIL.timeline[1]!, text: `note ${ATTACK}` }] } },
    });
    const detail = render(<WatchScreen state={state} width={100} height={30} now={new Date('2025-03-01T06:30:00Z')} />);
    try {
      const frame = detail.lastFrame() ?? '';
      expect(frame).not.toMatch(RAW);
      expect(frame).toContain(`note ${INERT_ATTACK}`);
    } finally {
      detail.unmount();
    }
  });
});

describe('watch against a real hub', () => {
  let hub: FixtureHub;
  let officer: CoreClient;

  beforeAll(async () => {
    hub = await startFixtureHub();
    officer = await hub.clientAs('officer', 'duty-officer');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('an alert title and a note with escape sequences are drawn inert, live and in the detail pane', async () => {
    const app = render(<WatchApp client={officer} width={100} height={30} sleep={(_ms, signal) => abortableSleep(50, signal)} />);
    try {
      await waitForFrame(app.lastFrame, (f) => f.includes('● live'));
      const alert = {
        version: '4',
        alerts: [{ status: 'firing', labels: { alertname: 'GateDown', site: 'RUH', severity: 'critical' }, annotations: { summary: `Gate ${ATTACK}` }, fingerprint: 'ui-hostile' }],
      };
      const id = (await (await hub.clientAs('intake', 'alertmanager')).ingestAlertmanager(alert)).created[0]!;
      await hub.admin.note(id, `note ${ATTACK}`);
      const live = await waitForFrame(app.lastFrame, (f) => f.includes(id));
      expect(live).not.toMatch(RAW);
      expect(live).toContain('Gate \u241b]0;PWNED');

      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ Incidents'));
      app.stdin.write(KEYS.enter);
      const detail = await waitForFrame(app.lastFrame, (f) => f.includes('Timeline') && f.includes('note'));
      expect(detail).not.toMatch(RAW);
      expect(detail).toContain('note \u241b]0;PWNED');
    } finally {
      app.unmount();
    }
  });
});
