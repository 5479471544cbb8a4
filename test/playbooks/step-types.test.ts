// Each step type on a real hub, through the API: what it does, what it
// records, and how the run moves on after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksOf } from '../diagnostics/diag-hub.js';
import { clears } from '../diagnostics/fake-fleet.js';
import type { CoreClient } from '../../src/core/client.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

let hub: PlaybookHub;
let officer: CoreClient;

const bi = (en: string) => ({ en, ar: `${en} (ar)` });

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('look', [{ id: 'probe', type: 'diagnose', target: 'RUH/egate-02' }]),
    playbook('bad-action', [{ id: 'fix', type: 'remediate', target: 'RUH/reader-01', action: 'clear-jam' }]),
    playbook('tell-role', [{ id: 'tell', type: 'notify', role: 'supervisor', message: bi('gates at ${site} down') }]),
    playbook('hand-over', [{ id: 'give', type: 'assign', to: 'fatimah' }]),
    playbook('pause-a-bit', [{ id: 'breathe', type: 'wait', for: '1s' }]),
    playbook('until-visa', [
      { id: 'visa-back', type: 'wait', until: { assetHealth: { asset: 'platform/visa', is: 'ok' } } },
      { id: 'normal', type: 'set-mode', site: 'fleet', mode: 'normal' },
    ]),
    playbook(
      'fork',
      [
        { id: 'which', type: 'branch', if: { input: { name: 'big', equals: true } }, then: 'big-one', else: 'small-one' },
        { id: 'big-one', type: 'notify', channel: '#ops', message: bi('big'), onFailure: 'stop' },
        { id: 'small-one', type: 'notify', channel: '#ops', message: bi('small') },
      ],
      { inputs: [{ name: 'big', type: 'boolean', required: true }] },
    ),
    playbook('drill-me', [
      { id: 'break', type: 'inject', asset: 'RUH/egate-01', fault: 'hung-service' },
      { id: 'say', type: 'notify', channel: '#drill', message: bi('injected') },
    ]),
    playbook('tick', [{ id: 'checks', type: 'checklist', items: [bi('doors'), bi('power'), bi('radio')] }]),
    playbook('offline', [
      { id: 'offline', type: 'set-mode', site: 'fleet', mode: 'offline-processing' },
      { id: 'hold', type: 'approval', roles: ['supervisor'] },
      { id: 'online', type: 'set-mode', site: 'fleet', mode: 'normal' },
    ]),
  ]);
  hub.fleet.add('RUH/egate-02', checksOf('egate'));
  hub.fleet.add('RUH/reader-01', checksOf('passport-reader', { driver: 'fail' }), { 'restart-service': clears('driver') });
  officer = await hub.as('officer', 'omar');
}, 30_000);

afterAll(async () => hub?.stop());

describe('diagnose', () => {
  it('probes its target and records the verdict as the step’s output', async () => {
    const { run } = await officer.startRun({ playbook: 'look' });
    const done = await runWhen(officer, run.id, 'the probe run to succeed', status('succeeded'));
    expect(done.steps[0]!.attempts[0]!.output).toMatchObject({ target: 'RUH/egate-02', verdicts: [{ assetId: 'RUH/egate-02', verdict: 'healthy' }] });
    expect(done.steps[0]!.attempts[0]!.idempotencyKey).toBeNull();
  });
});

describe('remediate', () => {
  it('fails the step, and with no onFailure the run, when the device does not offer the action', async () => {
    const { run } = await officer.startRun({ playbook: 'bad-action' });
    const failed = await runWhen(officer, run.id, 'the run to fail', status('failed'));
    expect(failed.steps[0]!.status).toBe('failed');
    expect(failed.run.reason).toMatch(/^step fix failed: clear-jam on RUH\/reader-01: error/);
    expect(hub.fleet.device('RUH/reader-01').performed.size).toBe(0);
  });
});

describe('notify', () => {
  it('leaves one message for the chat bot, its ${names} filled, marked by the run’s drill flag', async () => {
    const { run } = await officer.startRun({ playbook: 'tell-role', site: 'JED' });
    const done = await runWhen(officer, run.id, 'the run to succeed', status('succeeded'));
    expect(done.notifications).toEqual([expect.objectContaining({ role: 'supervisor', channel: null, message: bi('gates at JED down'), drill: false, stepId: 'tell' })]);
  });
});

describe('assign', () => {
  it('hands the run’s incident to the person named, as the run’s starter', async () => {
    const { incident } = await officer.createIncident({ title: 'gates', severity: 'sev2', siteId: 'RUH' });
    const { run } = await officer.startRun({ playbook: 'hand-over', incident: incident.id });
    expect(run.siteId).toBe('RUH');
    await runWhen(officer, run.id, 'the run to succeed', status('succeeded'));
    const { incident: after, timeline } = await officer.getIncident(incident.id);
    expect(after.assignee).toBe('fatimah');
    expect(after.assignedBy?.name).toBe('omar');
    expect(timeline.at(-1)).toMatchObject({ kind: 'assigned', actor: { name: 'omar' } });
  });

  it('fails without an incident to assign', async () => {
    const { run } = await officer.startRun({ playbook: 'hand-over' });
    const failed = await runWhen(officer, run.id, 'the run to fail', status('failed'));
    expect(failed.run.reason).toContain('no incident to assign');
  });
});

describe('wait', () => {
  it('waits a duration on a timer row, holding nothing, then goes on', async () => {
    const { run } = await officer.startRun({ playbook: 'pause-a-bit' });
    await runWhen(officer, run.id, 'the run to wait on time', status('waiting', 'time'), 2_000);
    const done = await runWhen(officer, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps[0]!.attempts[0]!.output!.waitedMs).toBeGreaterThanOrEqual(1_000);
  });

  it('waits until a condition on live data holds: the platform’s health', async () => {
    const outage = (await hub.admin.createIncident({ title: 'visa down', severity: 'sev1', assetId: 'platform/visa' })).incident;
    const { run } = await officer.startRun({ playbook: 'until-visa' });
    const waiting = await runWhen(officer, run.id, 'the run to wait on the condition', status('waiting', 'condition'));
    expect(waiting.run.reason).toBe('waiting until platform/visa is ok');
    await hub.admin.resolve(outage.id, 'platform back');
    await runWhen(officer, run.id, 'the run to succeed once the platform is ok', status('succeeded'));
  });
});

describe('branch', () => {
  it('takes then or else on its condition; the step not taken stays pending', async () => {
    const big = (await officer.startRun({ playbook: 'fork', inputs: { big: 'yes' } })).run;
    const small = (await officer.startRun({ playbook: 'fork', inputs: { big: false } })).run;
    const a = await runWhen(officer, big.id, 'the big run to end', (d) => d.run.endedAt !== null);
    const b = await runWhen(officer, small.id, 'the small run to end', (d) => d.run.endedAt !== null);
    expect(a.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(a.steps[0]!.attempts[0]!.output).toMatchObject({ holds: true, took: 'then', next: 'big-one' });
    expect(b.steps.map((s) => s.status)).toEqual(['done', 'pending', 'done']);
    expect(b.run.inputs).toEqual({ big: false });
  });
});

describe('inject', () => {
  it('puts a fault on the demo world in a drill, and is skipped in a run that is not one', async () => {
    const before = hub.injector.calls.length;
    const real = (await officer.startRun({ playbook: 'drill-me' })).run;
    const r = await runWhen(officer, real.id, 'the real run to succeed', status('succeeded'));
    expect(r.steps[0]!.status).toBe('skipped');
    expect(hub.injector.calls.length).toBe(before);
    const drill = (await officer.startRun({ playbook: 'drill-me', drill: true })).run;
    const d = await runWhen(officer, drill.id, 'the drill to succeed', status('succeeded'));
    expect(d.run.drill).toBe(true);
    expect(d.steps[0]!.attempts[0]!.output).toMatchObject({ assetId: 'RUH/egate-01', fault: 'hung-service' });
    expect(hub.injector.calls.slice(before)).toEqual([{ assetId: 'RUH/egate-01', fault: 'hung-service' }]);
    expect(d.notifications[0]!.drill).toBe(true);
  });
});

describe('checklist', () => {
  it('waits until a person confirms every item; an item twice changes nothing, an item it lacks is a usage error', async () => {
    const { run } = await officer.startRun({ playbook: 'tick' });
    await runWhen(officer, run.id, 'the run to wait on its checklist', status('waiting', 'checklist'));
    expect((await officer.confirmItems(run.id, [1, 3])).changed).toBe(true);
    expect((await officer.confirmItems(run.id, [3])).changed).toBe(false);
    await expect(officer.confirmItems(run.id, [4])).rejects.toMatchObject({ code: 'usage', message: 'step checks has 3 items; there is no item 4' });
    const still = await runWhen(officer, run.id, 'the run to say what is open', (d) => d.run.reason?.includes('open: 2') === true);
    expect(still.run.status).toBe('waiting');
    const fatimah = await hub.as('officer', 'fatimah');
    await fatimah.confirmItems(run.id, [2], 'checks');
    const done = await runWhen(officer, run.id, 'the run to succeed', status('succeeded'));
    expect(done.checklist.map((t) => [t.item, t.actor.name])).toEqual([
      [1, 'omar'],
      [3, 'omar'],
      [2, 'fatimah'],
    ]);
    expect(done.steps[0]!.attempts[0]!.actor.name).toBe('fatimah');
  });
});

describe('set-mode', () => {
  it('switches the fleet and back, with an event and an audit row each time', async () => {
    const supervisor = await hub.as('supervisor', 'sara');
    const { run } = await officer.startRun({ playbook: 'offline' });
    await runWhen(officer, run.id, 'the run to wait for approval', status('waiting', 'approval'));
    const during = await hub.admin.fleetStatus();
    expect(during.mode).toBe('offline-processing');
    expect(new Set(during.sites.map((s) => s.mode))).toEqual(new Set(['offline-processing']));
    await supervisor.approveStep(run.id);
    await runWhen(officer, run.id, 'the run to succeed', status('succeeded'));
    const after = await hub.admin.fleetStatus();
    expect(after.mode).toBe('normal');
    expect(new Set(after.sites.map((s) => s.mode))).toEqual(new Set(['normal']));
    const audit = (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'site.mode');
    expect(audit.slice(-2).map((e) => e.detail.mode)).toEqual(['offline-processing', 'normal']);
  });
});
