// Drills on a real hub over a fake fleet: a drill of a playbook that names
// its site and incident only through defaults starts and fills them (the
// built-ins are written so); it runs on the demo world's clock (a hub at
// speed 600 plays a 10-minute wait in a second, an inject's `for` reaches the
// world scaled) and its scorecard says so; the scorecard is stored when the
// drill ends and survives an edit of the playbook; an incident the drill's
// fault opens is the drill's, and real figures (KPI, status counts) leave it
// out; what the drill did says drill in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { checksOf } from '../diagnostics/diag-hub.js';
import { clears } from '../diagnostics/fake-fleet.js';
import { fixture } from '../hub/hub-fixture.js';
import { mutableCatalog, playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
const SPEED = 600;

const DRILL = playbook(
  'gate-drill',
  [
    { id: 'break', type: 'inject', asset: '${asset}', fault: 'hung-service', for: '20m' },
    { id: 'tell', type: 'notify', role: 'supervisor', message: bi('gates down at ${site} (${incident})'), within: '5m', milestone: true },
    { id: 'settle', type: 'wait', for: '10m' },
    // `never` is reached only by the branch the drill does not take.
    { id: 'skip', type: 'branch', if: { input: { name: 'site', equals: 'RUH' } }, then: 'confirm' },
    { id: 'never', type: 'notify', channel: '#x', message: bi('only on the other branch') },
    { id: 'confirm', type: 'checklist', items: [bi('counters open')], within: '12m', milestone: true },
  ],
  {
    inputs: [
      { name: 'site', type: 'site', default: 'RUH' },
      { name: 'asset', type: 'asset', default: 'RUH/egate-01' },
    ],
    targets: { firstAction: '5m', recovery: '30m' },
  },
);

// A drill on no incident hands over the incident its own fault opened.
const HANDOVER = playbook('handover-drill', [
  { id: 'break', type: 'inject', asset: 'RUH/egate-02', fault: 'hung-service' },
  { id: 'seen', type: 'wait', until: { assetHealth: { asset: 'RUH/egate-02', is: 'down' } }, timeout: '1h' },
  { id: 'hand-over', type: 'assign', to: 'network on-call' },
]);

// A remote fix written with a 3-minute timeout: 0.3 s at 600×, less than the device takes to answer.
const SLOW_FIX = playbook('slow-fix-drill', [{ id: 'fix', type: 'remediate', target: 'RUH/reader-01', action: 'restart-service', timeout: '3m' }]);

let hub: PlaybookHub;
let officer: CoreClient;
let intake: CoreClient;
const catalog = mutableCatalog([DRILL, HANDOVER, SLOW_FIX]);

beforeAll(async () => {
  hub = await startPlaybookHub([], { catalog, speed: SPEED });
  officer = await hub.as('officer', 'omar');
  intake = await hub.as('intake', 'alertmanager');
}, 30_000);

afterAll(async () => {
  await hub?.stop();
});

function firingOn(site: string, asset: string, fingerprint: string) {
  const body = fixture('alertmanager-v4-firing.json') as { alerts: { labels: Record<string, string>; fingerprint: string }[] };
  body.alerts[0]!.labels = { ...body.alerts[0]!.labels, site, asset };
  body.alerts[0]!.fingerprint = fingerprint;
  return body;
}

describe('a drill', () => {
  let runId = '';

  it('starts with the site and asset its inputs default to, and fills ${incident} as the drill when it has none', async () => {
    const started = await officer.startRun({ playbook: 'gate-drill', drill: true });
    runId = started.run.id;
    expect(started.run).toMatchObject({ drill: true, siteId: 'RUH', drillSpeed: SPEED });
    const waiting = await runWhen(officer, runId, 'the checklist', status('waiting', 'checklist'));
    expect(waiting.notifications[0]!.message.en).toBe(`gates down at RUH (drill ${runId})`);
    expect(waiting.notifications[0]!.drill).toBe(true);
  });

  it('runs on the demo world\'s clock: the 10-minute wait took about a second, the inject\'s 20 minutes reach the world as 2 s', async () => {
    const detail = await officer.getRun(runId);
    const wait = detail.steps.find((s) => s.id === 'settle')!.attempts[0]!;
    const realMs = Date.parse(wait.endedAt!) - Date.parse(wait.startedAt);
    expect(realMs).toBeGreaterThanOrEqual(900);
    expect(realMs).toBeLessThan(5_000);
    expect(hub.injector.calls.at(-1)).toEqual({ assetId: 'RUH/egate-01', fault: 'hung-service', forMs: (20 * 60_000) / SPEED });
  });

  it('marks the incident its fault opens as the drill\'s, and real figures leave it out', async () => {
    const real = await intake.ingestAlertmanager(firingOn('JED', 'egate-01', `real-${process.pid}`));
    const drill = await intake.ingestAlertmanager(firingOn('RUH', 'egate-01', `drill-${process.pid}`));
    expect((await officer.getIncident(drill.created[0]!)).incident.drillRunId).toBe(runId);
    expect((await officer.getIncident(real.created[0]!)).incident.drillRunId).toBeNull();
    const fleet = await officer.fleetStatus();
    const ruh = fleet.sites.find((s) => s.id === 'RUH')!;
    expect(ruh.openIncidents).toMatchObject({ total: 0, drill: 1 });
    expect(ruh.health).not.toBe('ok'); // the drill still shows on the site it breaks
    expect(fleet.totals.openIncidents).toMatchObject({ total: 1, drill: 1 });
    expect((await officer.remoteKpi()).incidents).toBe(1);
  });

  it('is scored when it ends, on its clock, and the stored score outlives an edit of the playbook', async () => {
    await officer.confirmItems(runId, [1]);
    await runWhen(officer, runId, 'the end', status('succeeded'));
    const card = await officer.getDrill(runId);
    expect(card.clock).toEqual({ speed: SPEED, label: expect.stringContaining('×600') });
    const verdicts = Object.fromEntries(card.steps.map((s) => [s.stepId, s.verdict]));
    expect(verdicts).toMatchObject({ break: 'done', tell: 'on-time', settle: 'done', skip: 'done', never: 'not-needed' });
    // The checklist was ticked after the 10-minute wait and the test's own pace: on the world's clock, past 12 minutes is late.
    expect(['on-time', 'late']).toContain(verdicts.confirm);
    expect(card.firstAction).toMatchObject({ stepId: 'tell', target: '5m', met: true });
    expect(card.recovery.ms).toBeGreaterThanOrEqual(10 * 60_000);
    expect(card.score).toBe(Math.round((100 * card.targetsMet) / card.targetsSet));
    catalog.edit({ ...DRILL, version: 2, targets: { firstAction: '1s' } });
    expect(await officer.getDrill(runId)).toEqual(card);
    const listed = await officer.listDrills({ playbook: 'gate-drill' });
    expect(listed[0]).toMatchObject({ runId, playbookVersion: 1, score: card.score, clock: { speed: SPEED } });
  });

  it('says drill on what it did in the audit log', async () => {
    const admin = hub.admin;
    const entries = (await admin.listAudit({ limit: 200 })).filter((e) => e.target === runId || (e.detail as Record<string, unknown>).drillRunId === runId);
    const notify = entries.find((e) => e.action === 'playbook.notify')!;
    expect(notify.detail).toMatchObject({ drill: true });
  });

  it('assigns the incident its own fault opened when it was started on none', async () => {
    const { run } = await officer.startRun({ playbook: 'handover-drill', drill: true });
    const opened = await intake.ingestAlertmanager(firingOn('RUH', 'egate-02', `handover-${process.pid}`));
    const done = await runWhen(officer, run.id, 'the hand-over', (d) => d.run.status === 'succeeded' || d.run.status === 'failed');
    expect(done.run.reason).toBeNull();
    expect(done.steps.at(-1)!.attempts[0]!.output).toMatchObject({ incidentId: opened.created[0], assignee: 'network on-call' });
  });

  it('gives a step that reaches a device real time to answer, whatever the world\'s clock', async () => {
    const reader = hub.fleet.add('RUH/reader-01', checksOf('passport-reader', { driver: 'fail' }), { 'restart-service': clears('driver') });
    let answer!: () => void;
    reader.holdAnswers = new Promise<void>((r) => (answer = r));
    const { run } = await officer.startRun({ playbook: 'slow-fix-drill', drill: true });
    setTimeout(() => answer(), 1_500);
    const done = await runWhen(officer, run.id, 'the fix', (d) => d.run.status !== 'running');
    expect(done.run.status).toBe('succeeded');
    expect(done.steps[0]!.attempts).toHaveLength(1);
  });

  it('is refused a scorecard when the run is not a drill (404, with the report as the hint)', async () => {
    // Not a drill: a real run needs a real incident for ${incident}.
    await expect(officer.startRun({ playbook: 'gate-drill' })).rejects.toMatchObject({ code: 'usage' });
    await expect(officer.getDrill('RUN-999999')).rejects.toMatchObject({ code: 'not_found' });
  });
});
