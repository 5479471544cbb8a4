// What a hub that starts on a data file finds of runs another left mid-step:
// a step whose effect is idempotent at the device runs again with the same
// key (the device replays: applied once); a step with no safe re-run pauses
// the run and says why, until a person retries it or goes on; and a runner
// that lost its lease writes nothing more (the fence).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksOf } from '../diagnostics/diag-hub.js';
import { clears } from '../diagnostics/fake-fleet.js';
import { waitUntil } from '../helpers/wait-until.js';
import { endAttempt, LeaseLost } from '../../src/hub/playbooks/journal.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
const PLAYBOOKS = [
  playbook('fix-gate', [
    { id: 'fix', type: 'remediate', target: 'RUH/egate-01', action: 'restart-service' },
    { id: 'tell', type: 'notify', channel: '#ops', message: bi('fixed') },
  ]),
  playbook('drill-gate', [
    { id: 'break', type: 'inject', asset: 'RUH/egate-01', fault: 'hung-service' },
    { id: 'tell', type: 'notify', channel: '#drill', message: bi('broken') },
  ]),
];

const hubs: PlaybookHub[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0).reverse()) await h.stop().catch(() => undefined);
});

/** Every step attempt of the run, in the journal's order by step. */
async function attemptsOf(hub: PlaybookHub, runId: string) {
  return (await hub.admin.getRun(runId)).steps.flatMap((s) => s.attempts);
}

describe('a run taken over after its hub stopped mid-step', () => {
  it('runs a started remediate again with the same key; the device replays and acted once', async () => {
    const first = await startPlaybookHub(PLAYBOOKS);
    const device = first.fleet.add('RUH/egate-01', checksOf('egate', { service: 'fail' }), { 'restart-service': clears('service') });
    let answer!: () => void;
    device.holdAnswers = new Promise<void>((resolve) => (answer = resolve));
    const officer = await first.as('officer', 'omar');
    const { run } = await officer.startRun({ playbook: 'fix-gate' });
    await waitUntil(() => device.performed.get('restart-service') === 1, { what: 'the device to act', timeoutMs: 5_000 });
    const [started] = await attemptsOf(first, run.id);
    expect(started).toMatchObject({ stepId: 'fix', status: 'started' });
    // The hub goes while the device's answer is on its way (its close lets the run go and then
    // waits for the device), and another hub starts on its data file meanwhile.
    const closing = first.closeKeepingData();
    const second = await startPlaybookHub(PLAYBOOKS, { after: first });
    hubs.push(second);
    const done = await runWhen(second.admin, run.id, 'the run to succeed on the second hub', status('succeeded'));
    device.holdAnswers = undefined;
    answer();
    await closing;
    const fix = done.steps[0]!.attempts;
    expect(fix).toHaveLength(1);
    expect(fix[0]).toMatchObject({ status: 'done', recoveries: 1, idempotencyKey: started!.idempotencyKey, output: { replayed: true } });
    expect(device.performed.get('restart-service')).toBe(1);
    const recovered = (await second.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'playbook.step.recover' && e.target === run.id);
    expect(recovered).toHaveLength(1);
  });

  it('pauses a drill whose inject was under way, saying why, and runs it again only when a person says so', async () => {
    const first = await startPlaybookHub(PLAYBOOKS);
    first.injector.hang = true;
    const officer = await first.as('officer', 'omar');
    const { run } = await officer.startRun({ playbook: 'drill-gate', drill: true });
    await waitUntil(() => first.injector.calls.length === 1, { what: 'the inject to be under way', timeoutMs: 5_000 });
    await first.closeKeepingData();
    first.injector.hang = false;

    const second = await startPlaybookHub(PLAYBOOKS, { after: first });
    hubs.push(second);
    const paused = await runWhen(second.admin, run.id, 'the run to pause', status('paused'));
    expect(paused.run.reason).toContain('step break (inject) was under way when the hub stopped, and whether it took effect cannot be told');
    expect(paused.steps[0]!.attempts[0]!.status).toBe('started');
    expect(second.injector.calls).toHaveLength(1);

    const fatimah = await second.as('officer', 'fatimah');
    await fatimah.retryStep(run.id, 'break');
    const done = await runWhen(second.admin, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps[0]!.attempts.map((a) => [a.attempt, a.status, a.actor.name])).toEqual([
      [1, 'failed', 'omar'],
      [2, 'done', 'fatimah'],
    ]);
    expect(done.steps[0]!.attempts[0]!.error).toBe('outcome unknown after the hub stopped; retried by fatimah');
    expect(second.injector.calls).toHaveLength(2);
  });

  it('lets a person go on past an inject whose outcome is unknown, without running it again', async () => {
    const first = await startPlaybookHub(PLAYBOOKS);
    first.injector.hang = true;
    const { run } = await first.admin.startRun({ playbook: 'drill-gate', drill: true });
    await waitUntil(() => first.injector.calls.length === 1, { what: 'the inject to be under way', timeoutMs: 5_000 });
    await first.closeKeepingData();
    first.injector.hang = false;
    const second = await startPlaybookHub(PLAYBOOKS, { after: first });
    hubs.push(second);
    await runWhen(second.admin, run.id, 'the run to pause', status('paused'));
    await second.admin.resumeRun(run.id);
    const done = await runWhen(second.admin, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps.map((s) => s.status)).toEqual(['skipped', 'done']);
    expect(second.injector.calls).toHaveLength(1);
  });
});

describe('the fence', () => {
  it('refuses a write from a runner whose lease another took', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-fence-'));
    const store = openSqliteStore(join(dir, 'hub.sqlite'));
    try {
      const definition = PLAYBOOKS[0]!;
      const run = await store.transaction((tx) =>
        tx.insertRun({
          playbookId: definition.id, playbookVersion: 1, playbookHash: 'h', definition, title: definition.title, status: 'running', waitingOn: null,
          reason: null, currentStep: 'fix', cursorAttempt: 1, inputs: {}, incidentId: null, siteId: null, drill: false, drillSpeed: null,
          startedBy: { id: 't', name: 'omar' }, startedByRole: 'officer', channel: 'cli', startedAt: new Date().toISOString(),
        }),
      );
      const a = await store.transaction((tx) => tx.claimRun(run.id, 'host:1:a', Date.now(), 1, undefined));
      // A's lease lapsed (1 ms); B takes the run.
      await new Promise((r) => setTimeout(r, 5));
      const b = await store.transaction((tx) => tx.claimRun(run.id, 'host:2:b', Date.now(), 60_000, undefined));
      expect([a, b]).toEqual([1, 2]);
      expect(await store.transaction((tx) => tx.claimRun(run.id, 'host:1:a', Date.now(), 60_000, undefined))).toBeUndefined();
      const relay = { committed: () => {} } as never;
      const deps = { store, relay, now: () => new Date() };
      await expect(
        endAttempt(deps, { runId: run.id, owner: 'host:1:a', fence: a! }, { stepId: 'fix', attempt: 1, status: 'done', output: {}, error: null }, { status: 'succeeded', currentStep: null, cursorAttempt: 1 }),
      ).rejects.toBeInstanceOf(LeaseLost);
      expect((await store.getRun(run.id))!.status).toBe('running');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
