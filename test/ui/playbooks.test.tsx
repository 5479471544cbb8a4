// The watch UI's `p` on a real hub, at 80×24: the playbooks the hub proposes
// for an incident and those whose scope covers its site (not the others), a
// choice's parameters to confirm (n goes back, Esc cancels), the run started
// on the channel tui and followed live from the event stream to its end;
// refusals (a viewer, a playbook gone) as one line; outside text inert; and
// a site's and the fleet's mode while a playbook has them off normal.
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { abortableSleep } from '../../src/core/abortable-sleep.js';
import { catalogOf, type PlaybookCatalog } from '../../src/hub/playbooks/catalog.js';
import { WatchApp } from '../../src/ui/app.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from '../playbooks/playbook-hub.js';
import { KEYS, waitForFrame } from './frames.js';

const ATTACK = '\x1b]0;PWNED\x07';
const RAW = /\x1b\]|\x07|[\x80-\x9f]|[\u202a-\u202e\u2066-\u2069]/;
const bi = (en: string) => ({ en, ar: `${en} (ar)` });

const DEFINITIONS = [
  playbook(
    'gate-check',
    [
      { id: 'tell', type: 'notify', channel: '#ops', message: bi('gates at ${site}') },
      { id: 'counters', type: 'checklist', items: [bi('open the counters')] },
    ],
    { title: bi(`Gate check ${ATTACK}`), scope: { siteKinds: ['air'] }, triggers: [{ match: { 'asset.kind': 'egate' } }], inputs: [{ name: 'counters', type: 'number', default: 4 }] },
  ),
  playbook('air-drill', [{ id: 'tell', type: 'notify', channel: '#ops', message: bi('drill') }], { title: bi('Airport drill'), scope: { siteKinds: ['air'] } }),
  playbook('sea-only', [{ id: 'tell', type: 'notify', channel: '#ops', message: bi('sea') }], { title: bi('Sea port only'), scope: { siteKinds: ['sea'] } }),
  playbook(
    'go-offline',
    [
      { id: 'offline', type: 'set-mode', site: 'fleet', mode: 'offline-processing' },
      { id: 'hold', type: 'checklist', items: [bi('platform back?')] },
      { id: 'normal', type: 'set-mode', site: 'fleet', mode: 'normal' },
    ],
    { title: bi('Offline processing') },
  ),
];

/** The hub's catalogue with a way to take a playbook away, as an operator deleting its file would. */
const gone = new Set<string>();
const all = catalogOf(DEFINITIONS.map((definition) => ({ definition, source: 'test' })));
const catalog: PlaybookCatalog = {
  list: () => all.list().filter((e) => !gone.has(e.definition.id)),
  get: (id) => (gone.has(id) ? undefined : all.get(id)),
};

let hub: PlaybookHub;
let incidentId: string;

beforeAll(async () => {
  hub = await startPlaybookHub([], { catalog });
  incidentId = (await hub.admin.createIncident({ title: 'gates down', severity: 'sev2', siteId: 'RUH', assetId: 'RUH/egate-01' })).incident.id;
}, 30_000);

afterAll(async () => hub?.stop());

async function openAs(role: 'officer' | 'viewer', name: string) {
  const { secret } = await hub.admin.createToken({ name, role });
  const client = new CoreClient({ hubUrl: hub.url, token: secret, channel: 'tui' });
  const app = render(<WatchApp client={client} width={80} height={24} sleep={abortableSleep} />);
  await waitForFrame(app.lastFrame, (f) => f.includes('● live') && f.includes(incidentId));
  return {
    app,
    async close() {
      app.unmount();
      await client.close();
    },
  };
}

const fits = (frame: string) => frame.split('\n').length <= 24 && frame.split('\n').every((l) => [...l].length <= 80);

describe('p on an incident, as an officer', () => {
  it('lists the proposed and the covering playbooks, confirms the parameters, starts on tui, and follows the run live to its end', async () => {
    const { app, close } = await openAs('officer', 'omar');
    try {
      app.stdin.write(KEYS.tab);
      await waitForFrame(app.lastFrame, (f) => f.includes('▶ '));
      app.stdin.write('p');
      const list = await waitForFrame(app.lastFrame, (f) => f.includes(`Playbooks for ${incidentId}`) && f.includes('Airport drill'));
      expect(list).toMatch(/› sev2 Gate check ␛\]0;PWNED␇ · proposed \(gate-check\)/);
      expect(list).not.toContain('Sea port only');
      // No scope: it covers every site, offered but not proposed.
      expect(list).toContain('  sev2 Offline processing (go-offline)');
      expect(list).not.toMatch(RAW);
      expect(fits(list)).toBe(true);

      app.stdin.write(KEYS.enter);
      const confirm = await waitForFrame(app.lastFrame, (f) => f.includes('y start · n back · Esc cancel'));
      expect(confirm).toContain(`site RUH · incident ${incidentId}`);
      expect(confirm).toContain('counters = 4');
      expect(confirm).toContain('2 steps: tell, counters');
      // n goes back to the list, nothing started.
      app.stdin.write('n');
      await waitForFrame(app.lastFrame, (f) => f.includes('Enter its parameters'));
      expect(await hub.admin.listRuns()).toEqual([]);

      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes('y start'));
      app.stdin.write('y');
      const waiting = await waitForFrame(app.lastFrame, (f) => f.includes('waiting on checklist'));
      const runId = /RUN-\d+/.exec(waiting)![0];
      expect(waiting).toMatch(/done\s+tell/);
      expect(fits(waiting)).toBe(true);
      const { run } = await hub.admin.getRun(runId);
      expect(run).toMatchObject({ playbookId: 'gate-check', channel: 'tui', startedBy: { name: 'omar' }, incidentId, siteId: 'RUH', inputs: { counters: 4 } });

      // Someone else ticks the checklist: the pane follows the stream to the end, and keeps the outcome.
      await hub.admin.confirmItems(runId, [1]);
      const ended = await waitForFrame(app.lastFrame, (f) => f.includes(`${runId} Gate check`) && f.includes('succeeded') && f.includes(`${runId} succeeded`));
      expect(ended).toMatch(/done\s+counters/);
      app.stdin.write(KEYS.escape);
      await waitForFrame(app.lastFrame, (f) => !f.includes('Gate check') && f.includes(incidentId));
    } finally {
      await close();
    }
  }, 30_000);

  it('a playbook gone between the list and the choice is one line, and the list stays', async () => {
    const { app, close } = await openAs('officer', 'omar2');
    try {
      app.stdin.write('p');
      // The wall's selection: the first site, JED (an airport too).
      const list = await waitForFrame(app.lastFrame, (f) => f.includes('Playbooks for JED') && f.includes('Airport drill'));
      // On a site: no proposals, only what its scope covers.
      expect(list).not.toContain('proposed');
      expect(list).not.toContain('Sea port only');
      gone.add('air-drill');
      expect(list).toMatch(/› sev2 Airport drill/);
      app.stdin.write(KEYS.enter);
      const refused = await waitForFrame(app.lastFrame, (f) => f.includes('air-drill: no playbook air-drill'));
      expect(refused).toContain('Enter its parameters');
    } finally {
      gone.delete('air-drill');
      await close();
    }
  }, 30_000);
});

describe('a run that ends before its start is answered', () => {
  it('still shows how it ended (the stream had moved it on before the pane followed it)', async () => {
    const { app, close } = await openAs('officer', 'omar3');
    try {
      app.stdin.write('p');
      await waitForFrame(app.lastFrame, (f) => /› sev2 Airport drill/.test(f));
      app.stdin.write(KEYS.enter);
      await waitForFrame(app.lastFrame, (f) => f.includes('y start'));
      app.stdin.write('y');
      const frame = await waitForFrame(app.lastFrame, (f) => /RUN-\d+ Airport drill — succeeded/.test(f));
      expect(frame).toMatch(/done\s+tell/);
    } finally {
      await close();
    }
  }, 30_000);
});

describe('p as a viewer', () => {
  it('shows the list, and the refusal as one line when it asks for a run (even planned: officers only)', async () => {
    const { app, close } = await openAs('viewer', 'vera');
    try {
      app.stdin.write('p');
      await waitForFrame(app.lastFrame, (f) => f.includes('Playbooks for JED'));
      app.stdin.write(KEYS.enter);
      const frame = await waitForFrame(app.lastFrame, (f) => /air-drill: .*officer/.test(f));
      expect(frame).toContain('air-drill: this needs the officer role; vera is viewer');
      expect(frame).toContain('Enter its parameters');
      expect(fits(frame)).toBe(true);
      expect((await hub.admin.listRuns()).filter((r) => r.startedBy.name === 'vera')).toEqual([]);
      app.stdin.write(KEYS.escape);
      await waitForFrame(app.lastFrame, (f) => !f.includes('Playbooks for JED'));
    } finally {
      await close();
    }
  }, 30_000);
});

describe('site modes', () => {
  it('shows the fleet in offline processing on the status line and each tile, and back to normal after', async () => {
    const { app, close } = await openAs('viewer', 'vera2');
    try {
      const { run } = await hub.admin.startRun({ playbook: 'go-offline' });
      const offline = await waitForFrame(app.lastFrame, (f) => f.includes('fleet: offline processing'));
      expect(offline).toMatch(/ORUH/);
      expect(fits(offline)).toBe(true);
      await runWhen(hub.admin, run.id, 'the run to wait on its checklist', status('waiting', 'checklist'));
      await hub.admin.confirmItems(run.id, [1]);
      const normal = await waitForFrame(app.lastFrame, (f) => !f.includes('fleet: offline') && !/ORUH/.test(f));
      expect(normal).toContain('● live');
    } finally {
      await close();
    }
  }, 30_000);
});
