// Auto-runs on a real hub: off by default (a playbook marked auto is only
// proposed), an admin's switch (refused to others, audited, announced), the
// hub as the starter on the channel `auto` once it is on, a two-person step
// still needing two people, and one auto-run per incident and playbook —
// when the incident matches again, and when two hubs over one data file take
// the same alert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { HubEvent } from '../../src/core/model.js';
import { startAutoRuns } from '../../src/hub/playbooks/auto-runs.js';
import { catalogOf } from '../../src/hub/playbooks/catalog.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import { matchingPlaybooks, incidentFacts } from '../../src/hub/playbooks/triggers.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

const ON_LINK = { triggers: [{ match: { 'asset.kind': 'network-link' } }] };
const PLAYBOOKS = [
  playbook('link-auto', [{ id: 'tell', type: 'notify', channel: '#ops', message: { en: 'link down at ${site}', ar: 'link down at ${site}' } }], { ...ON_LINK, auto: true }),
  playbook('link-by-hand', [{ id: 'tell', type: 'notify', channel: '#ops', message: { en: 'by hand', ar: 'by hand' } }], ON_LINK),
  playbook(
    'isolate-auto',
    [
      { id: 'agree', type: 'approval', roles: ['supervisor'], 'two-person': true },
      { id: 'isolate', type: 'set-mode', site: '${site}', mode: 'network-isolated' },
    ],
    { triggers: [{ match: { 'asset.kind': 'server' } }], auto: true },
  ),
];

let hub: PlaybookHub;
let viewer: CoreClient;
let officer: CoreClient;
let sara: CoreClient;
let layla: CoreClient;
let intake: CoreClient;

beforeAll(async () => {
  hub = await startPlaybookHub(PLAYBOOKS);
  viewer = await hub.as('viewer', 'vera');
  officer = await hub.as('officer', 'omar');
  sara = await hub.as('supervisor', 'sara');
  layla = await hub.as('supervisor', 'layla');
  intake = await hub.as('intake', 'alertmanager');
}, 30_000);

afterAll(async () => hub?.stop());

const onLink = (title: string) => hub.admin.createIncident({ title, severity: 'sev2', siteId: 'RUH', assetId: 'RUH/link-primary' });
const runsOf = async (incidentId: string) => (await hub.admin.listRuns({ limit: 1_000 })).filter((r) => r.incidentId === incidentId);

describe('auto-runs off (the default)', () => {
  it('reads as off to a viewer, and an auto playbook is only proposed', async () => {
    expect(await viewer.autoRuns()).toEqual({ enabled: false, changedAt: null, changedBy: null });
    const { incident } = await onLink('link down while auto-runs are off');
    expect((await viewer.getIncident(incident.id)).playbooks?.map((p) => p.playbook.id).sort()).toEqual(['link-auto', 'link-by-hand']);
    // An auto-run is written in the transaction that opens the incident: none now is none ever.
    expect(await runsOf(incident.id)).toEqual([]);
  });

  it('refuses anyone but an admin the switch, and changes nothing', async () => {
    await expect(officer.setAutoRuns(true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sara.setAutoRuns(true)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await viewer.autoRuns()).enabled).toBe(false);
  });
});

describe('auto-runs on', () => {
  it('an admin turns it on: audited, announced, and saying nothing changed when asked again', async () => {
    const events: HubEvent[] = [];
    const stop = new AbortController();
    const following = viewer.events({ since: 0, signal: stop.signal, onEvent: (e) => void events.push(e) }).catch(() => undefined);
    const change = await hub.admin.setAutoRuns(true);
    expect(change).toEqual({ changed: true, setting: { enabled: true, changedAt: expect.any(String), changedBy: expect.objectContaining({ name: 'bootstrap-admin' }) } });
    const announced = await waitUntil(() => events.find((e) => e.type === 'playbook.auto'), { what: 'a playbook.auto event', timeoutMs: 10_000 });
    stop.abort();
    await following;
    expect(announced.data).toEqual(change);
    expect((await hub.admin.setAutoRuns(true)).changed).toBe(false);
    const audit = (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'playbook.auto');
    expect(audit.map((e) => [e.actor.name, e.detail])).toEqual([['bootstrap-admin', { enabled: true }]]);
  });

  it('starts the auto playbook a new incident matches, as the hub on the channel auto — not the others', async () => {
    const { incident } = await onLink('link down with auto-runs on');
    const [run, ...more] = await runsOf(incident.id);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ playbookId: 'link-auto', channel: 'auto', startedBy: { id: 'hub', name: 'hub (auto-run)' }, incidentId: incident.id, siteId: 'RUH' });
    const done = await runWhen(viewer, run!.id, 'the auto-run to succeed', status('succeeded'));
    expect(done.notifications.map((n) => n.message.en)).toEqual(['link down at RUH']);
    const started = (await hub.admin.listAudit({ limit: 10_000 })).find((e) => e.action === 'playbook.run.start' && e.target === run!.id);
    expect(started).toMatchObject({ actor: { id: 'hub' }, channel: 'auto' });
  });

  it('an alert through the intake starts it too', async () => {
    const [incidentId] = (await intake.ingestAlertmanager(alert('auto-intake-1'))).created;
    expect((await runsOf(incidentId!)).map((r) => [r.playbookId, r.channel])).toEqual([['link-auto', 'auto']]);
  });

  it('keeps a two-person step to two people: the hub as requester approves nothing', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'server odd', severity: 'sev2', siteId: 'RUH', assetId: 'RUH/server-a' });
    const [run] = await runsOf(incident.id);
    expect(run).toMatchObject({ playbookId: 'isolate-auto', channel: 'auto' });
    await runWhen(viewer, run!.id, 'the run to wait for approval', status('waiting', 'approval'));
    await sara.approveStep(run!.id);
    const half = await runWhen(viewer, run!.id, 'one of two approvals', (d) => d.run.reason?.endsWith('(1 of 2)') === true);
    expect(half.run.status).toBe('waiting');
    await layla.approveStep(run!.id);
    await runWhen(viewer, run!.id, 'the run to succeed', status('succeeded'));
  });

  it('starts one auto-run per incident and playbook when the incident matches again', async () => {
    const { incident } = await onLink('link down, matched twice');
    // Matched again, through a second connection to the hub's data file, as another hub would.
    const store = openSqliteStore(hub.dataFile);
    const catalog = catalogOf(PLAYBOOKS.map((definition) => ({ definition, source: 'test' })));
    try {
      await store.transaction(async (tx) => startAutoRuns(tx, () => {}, catalog, incident, matchingPlaybooks(catalog, await incidentFacts(tx, incident))));
    } finally {
      await store.close();
    }
    expect((await runsOf(incident.id)).map((r) => r.playbookId)).toEqual(['link-auto']);
  });

  it('turned off again, starts nothing more', async () => {
    expect((await hub.admin.setAutoRuns(false)).setting).toMatchObject({ enabled: false, changedBy: expect.objectContaining({ name: 'bootstrap-admin' }) });
    const { incident } = await onLink('link down after auto-runs went off');
    expect(await runsOf(incident.id)).toEqual([]);
  });
});

describe('two hubs over one data file', () => {
  it('start one auto-run between them for an alert both receive', async () => {
    await hub.admin.setAutoRuns(true);
    const second = await startPlaybookHub(PLAYBOOKS, { after: hub });
    try {
      const secondIntake = await second.as('intake', 'alertmanager-b');
      const payload = alert('auto-two-hubs');
      const [a, b] = await Promise.all([intake.ingestAlertmanager(payload), secondIntake.ingestAlertmanager(payload)]);
      const incidentId = a.created[0] ?? b.created[0];
      expect([...a.created, ...b.created]).toEqual([incidentId]);
      const runs = await runsOf(incidentId!);
      expect(runs.map((r) => [r.playbookId, r.channel])).toEqual([['link-auto', 'auto']]);
      await runWhen(viewer, runs[0]!.id, 'the auto-run to succeed', status('succeeded'));
    } finally {
      await second.closeKeepingData();
    }
  }, 30_000);
});

describe('watchfloor playbook auto (the built CLI)', () => {
  it('shows the switch to anyone, turns it for an admin, refuses an officer with exit 6, and a bad word with exit 2', async () => {
    await hub.admin.setAutoRuns(false);
    const { secret: officerSecret } = await hub.admin.createToken({ name: 'cli-officer', role: 'officer' });
    const { secret: adminSecret } = await hub.admin.createToken({ name: 'cli-admin', role: 'admin' });
    const env = cliEnv({ WATCHFLOOR_HUB: hub.url });
    try {
      const as = (token: string) => ({ ...env.env, WATCHFLOOR_TOKEN: token });
      const refused = await runCli(['playbook', 'auto', 'on'], as(officerSecret));
      expect(refused.code).toBe(6);
      expect(refused.stderr.split('\n')[0]).toMatch(/^watchfloor: .*admin/);
      const on = await runCli(['playbook', 'auto', 'on'], as(adminSecret));
      expect(on.code).toBe(0);
      expect(on.stdout).toMatch(/^auto-runs on: the hub starts playbooks marked auto .* \(turned on by cli-admin at 20\d\d-/);
      const shown = await runCli(['playbook', 'auto', '--json'], as(officerSecret));
      expect(JSON.parse(shown.stdout)).toEqual({ setting: { enabled: true, changedAt: expect.any(String), changedBy: { id: expect.any(String), name: 'cli-admin' } } });
      const again = await runCli(['playbook', 'auto', 'on', '--json'], as(adminSecret));
      expect(JSON.parse(again.stdout)).toMatchObject({ changed: false, setting: { enabled: true } });
      const bad = await runCli(['playbook', 'auto', 'maybe'], as(adminSecret));
      expect(bad.code).toBe(2);
    } finally {
      env.cleanup();
    }
  }, 60_000);
});

function alert(fingerprint: string) {
  const labels = { alertname: 'LinkDown', site: 'RUH', asset: 'link-primary', severity: 'major' };
  return {
    version: '4',
    status: 'firing',
    receiver: 'watchfloor',
    groupKey: `{}:{alertname="LinkDown",fp="${fingerprint}"}`,
    alerts: [{ status: 'firing', labels, annotations: { summary: 'primary link down' }, startsAt: new Date().toISOString(), fingerprint }],
  };
}
