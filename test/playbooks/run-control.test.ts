// How a run moves when steps fail or take too long (retries with a delay,
// timeouts, failure routes), what people can do to it (pause, resume, abort,
// retry the step it stopped at), that it keeps the definition it started
// with when the file changes, and what a start refuses or a dry run shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { checksOf } from '../diagnostics/diag-hub.js';
import { clears } from '../diagnostics/fake-fleet.js';
import { mutableCatalog, playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
const note = (id: string) => ({ id, type: 'notify', channel: '#ops', message: bi(id) });

const catalog = mutableCatalog([
  playbook('retrying', [{ id: 'give', type: 'assign', to: 'omar', retries: { count: 2, delay: '1s' } }, note('after')]),
  playbook('slow-approval', [
    { id: 'agree', type: 'approval', roles: ['supervisor'], timeout: '1s', onTimeout: { goto: 'fallback' } },
    note('approved'),
    note('fallback'),
  ]),
  playbook('timeout-pauses', [{ id: 'agree', type: 'approval', roles: ['supervisor'], timeout: '1s' }]),
  playbook('routes', [
    { id: 'give', type: 'assign', to: 'omar', onFailure: 'continue' },
    { id: 'give-again', type: 'assign', to: 'omar', onFailure: { goto: 'last' } },
    note('skipped'),
    note('last'),
  ]),
  playbook('fix-it', [{ id: 'fix', type: 'remediate', target: 'RUH/server-a', action: 'restart-service', onFailure: 'pause' }, note('fixed')]),
  playbook('long', [{ id: 'breathe', type: 'wait', for: '1s' }, note('awake')]),
  playbook('versioned', [{ id: 'agree', type: 'approval', roles: ['officer'] }, note('v1-step')]),
  playbook('needs-site', [{ id: 'mode', type: 'set-mode', site: '${site}', mode: 'surge' }, { id: 'gate', type: 'remediate', target: '${site}/egate-01', action: 'reboot' }], {
    inputs: [{ name: 'count', type: 'number', required: true }, { name: 'note', type: 'string', default: 'none' }],
  }),
]);

let hub: PlaybookHub;
let omar: CoreClient;
let fatimah: CoreClient;

beforeAll(async () => {
  hub = await startPlaybookHub([], { catalog });
  omar = await hub.as('officer', 'omar');
  fatimah = await hub.as('officer', 'fatimah');
}, 30_000);

afterAll(async () => hub?.stop());

describe('retries', () => {
  it('tries a failing step again after its delay, then follows onFailure', async () => {
    const { run } = await omar.startRun({ playbook: 'retrying' });
    const between = await runWhen(omar, run.id, 'the run to wait for its retry', status('waiting', 'retry'));
    expect(between.run.reason).toMatch(/^step give failed: no incident to assign.*; attempt 2 at /);
    const failed = await runWhen(omar, run.id, 'the run to fail after three attempts', status('failed'), 8_000);
    const attempts = failed.steps[0]!.attempts;
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
    ]);
    // Each retry waited its second, on a timer row.
    expect(Date.parse(attempts[1]!.startedAt) - Date.parse(attempts[0]!.endedAt!)).toBeGreaterThanOrEqual(990);
    expect(Date.parse(attempts[2]!.startedAt) - Date.parse(attempts[1]!.endedAt!)).toBeGreaterThanOrEqual(990);
    expect(failed.steps[1]!.status).toBe('pending');
  });
});

describe('timeouts', () => {
  it('gives up on a step at its timeout and follows onTimeout', async () => {
    const { run } = await omar.startRun({ playbook: 'slow-approval' });
    const done = await runWhen(omar, run.id, 'the run to succeed through the fallback', status('succeeded'), 5_000);
    expect(done.steps.map((s) => s.status)).toEqual(['failed', 'pending', 'done']);
    expect(done.steps[0]!.attempts[0]!.error).toBe('timed out after 1s');
  });

  it('pauses for a person by default', async () => {
    const { run } = await omar.startRun({ playbook: 'timeout-pauses' });
    const paused = await runWhen(omar, run.id, 'the run to pause', status('paused'), 5_000);
    expect(paused.run.reason).toContain('step agree failed: timed out after 1s');
  });
});

describe('failure routes', () => {
  it('goes on, or to a named step', async () => {
    const { run } = await omar.startRun({ playbook: 'routes' });
    const done = await runWhen(omar, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps.map((s) => s.status)).toEqual(['failed', 'failed', 'pending', 'done']);
  });
});

describe('a person steering a run', () => {
  it('pauses a waiting run (its timer does not move it), then resumes it', async () => {
    const { run } = await omar.startRun({ playbook: 'long' });
    await runWhen(omar, run.id, 'the run to wait', status('waiting', 'time'));
    const paused = await fatimah.pauseRun(run.id, 'checking with the airport');
    expect(paused).toMatchObject({ changed: true, run: { status: 'paused', reason: 'paused by fatimah: checking with the airport' } });
    expect((await fatimah.pauseRun(run.id)).changed).toBe(false);
    // Well past the wait's second, the run has not moved.
    await new Promise((r) => setTimeout(r, 1_300));
    expect((await omar.getRun(run.id)).run).toMatchObject({ status: 'paused', currentStep: 'breathe' });
    await omar.resumeRun(run.id);
    const done = await runWhen(omar, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps.map((s) => s.status)).toEqual(['done', 'done']);
    const actions = (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.target === run.id).map((e) => `${e.action} ${e.actor.name}`);
    expect(actions).toEqual(expect.arrayContaining(['playbook.run.pause fatimah', 'playbook.run.resume omar']));
  });

  it('aborts a run, which then takes no decision', async () => {
    const { run } = await omar.startRun({ playbook: 'versioned' });
    await runWhen(omar, run.id, 'the run to wait', status('waiting', 'approval'));
    const aborted = await fatimah.abortRun(run.id, 'false alarm');
    expect(aborted.run).toMatchObject({ status: 'aborted', reason: 'aborted by fatimah: false alarm' });
    expect(aborted.run.endedAt).not.toBeNull();
    await expect(omar.approveStep(run.id)).rejects.toMatchObject({ code: 'conflict', message: `${run.id} already aborted; there is nothing to approve` });
    await expect(omar.resumeRun(run.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await fatimah.abortRun(run.id)).changed).toBe(false);
  });

  it('retries the failed step alone, as the person who asked, and the run goes on from there', async () => {
    const server = hub.fleet.add('RUH/server-a', checksOf('server', { service: 'fail' }), {});
    const { run } = await omar.startRun({ playbook: 'fix-it' });
    const paused = await runWhen(omar, run.id, 'the run to pause on the failure', status('paused'));
    expect(paused.run.reason).toContain(`watchfloor playbook retry ${run.id} fix`);
    await expect(fatimah.retryStep(run.id, 'fixed')).rejects.toMatchObject({ code: 'conflict' });
    server.effects['restart-service'] = clears('service');
    await fatimah.retryStep(run.id, 'fix');
    const done = await runWhen(omar, run.id, 'the run to succeed', status('succeeded'));
    const [first, second] = done.steps[0]!.attempts;
    expect([first!.status, first!.actor.name]).toEqual(['failed', 'omar']);
    expect([second!.status, second!.actor.name]).toEqual(['done', 'fatimah']);
    expect(second!.idempotencyKey).not.toBe(first!.idempotencyKey);
    // The step after it acts for the starter again.
    expect(done.steps[1]!.attempts[0]!.actor.name).toBe('omar');
    expect(server.performed.get('restart-service')).toBe(1);
  });

  it('keeps notes, even on a run that ended', async () => {
    const { run } = await omar.startRun({ playbook: 'routes' });
    await runWhen(omar, run.id, 'the run to end', status('succeeded'));
    await fatimah.noteRun(run.id, 'lesson: check the incident first');
    const detail = await omar.getRun(run.id);
    expect(detail.notes).toEqual([expect.objectContaining({ text: 'lesson: check the incident first', actor: expect.objectContaining({ name: 'fatimah' }) })]);
  });
});

describe('a changed playbook file', () => {
  it('leaves a run on the definition it started with; the next run takes the new one', async () => {
    const { run } = await omar.startRun({ playbook: 'versioned' });
    await runWhen(omar, run.id, 'the run to wait', status('waiting', 'approval'));
    const v1 = catalog.get('versioned')!;
    catalog.edit(playbook('versioned', [note('v2-only')], { version: 2 }));
    await fatimah.approveStep(run.id);
    const done = await runWhen(omar, run.id, 'the v1 run to succeed', status('succeeded'));
    expect(done.steps.map((s) => s.id)).toEqual(['agree', 'v1-step']);
    expect(done.run).toMatchObject({ playbookVersion: 1, playbookHash: v1.hash });
    expect(done.definition.version).toBe(1);
    const next = await omar.startRun({ playbook: 'versioned' });
    expect(next.run.playbookVersion).toBe(2);
    expect(next.steps.map((s) => s.id)).toEqual(['v2-only']);
  });
});

describe('starting a run', () => {
  it('refuses what it cannot run, before writing anything', async () => {
    const before = (await hub.admin.listRuns()).length;
    await expect(omar.startRun({ playbook: 'nope' })).rejects.toMatchObject({ code: 'not_found', message: 'no playbook nope' });
    await expect(omar.startRun({ playbook: 'needs-site', site: 'RUH' })).rejects.toMatchObject({ code: 'usage', message: 'needs-site needs input count' });
    await expect(omar.startRun({ playbook: 'needs-site', site: 'RUH', inputs: { count: 'many' } })).rejects.toMatchObject({ message: 'input count: "many" is not a number' });
    await expect(omar.startRun({ playbook: 'needs-site', site: 'RUH', inputs: { count: 1, colour: 'red' } })).rejects.toMatchObject({ message: 'needs-site has no input colour' });
    await expect(omar.startRun({ playbook: 'needs-site', inputs: { count: 1 } })).rejects.toMatchObject({ code: 'usage', message: '${site} has no value in this run' });
    await expect(omar.startRun({ playbook: 'needs-site', site: 'RHU', inputs: { count: 1 } })).rejects.toMatchObject({ code: 'not_found', details: { suggestions: ['RUH'] } });
    await expect(omar.startRun({ playbook: 'needs-site', incident: '99999', inputs: { count: 1 } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await hub.admin.listRuns()).length).toBe(before);
  });

  it('plans a dry run with its inputs and targets filled in, writing nothing', async () => {
    const runs = (await hub.admin.listRuns()).length;
    const head = (await hub.admin.listAudit({ limit: 1 }))[0]!.seq;
    const plan = await omar.planRun({ playbook: 'needs-site', site: 'jed', inputs: { count: '3' } });
    expect(plan).toMatchObject({ playbookId: 'needs-site', siteId: 'JED', inputs: { count: 3, note: 'none' }, drill: false });
    expect(plan.steps.map((s) => s.does)).toEqual(['switch JED to surge mode', 'reboot on JED/egate-01']);
    expect((await hub.admin.listRuns()).length).toBe(runs);
    expect((await hub.admin.listAudit({ limit: 1 }))[0]!.seq).toBe(head);
    expect((await hub.admin.fleetStatus()).sites.every((s) => s.mode === 'normal')).toBe(true);
  });
});
