// The built CLI as a child process against a real hub: `playbook run` follows
// a run as JSON Lines and exits by how it ended (0 succeeded, 1 failed, 7
// waits for a person); a two-person approval from three people's terminals
// (the requester refused, the same person twice refused, two others
// enough); reading runs; and outside text inert on the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from '../playbooks/playbook-hub.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
let hub: PlaybookHub;
let cli: CliEnv;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: tokens[who]! });
const lines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('quick', [
      { id: 'mode', type: 'set-mode', site: 'JED', mode: 'surge' },
      { id: 'tell', type: 'notify', channel: '#ops', message: bi('surge') },
      { id: 'back', type: 'set-mode', site: 'JED', mode: 'normal' },
    ]),
    playbook('isolate', [
      { id: 'agree', type: 'approval', roles: ['supervisor'], 'two-person': true },
      { id: 'cut', type: 'set-mode', site: 'RUH', mode: 'network-isolated' },
      { id: 'restore', type: 'set-mode', site: 'RUH', mode: 'normal' },
    ]),
    playbook('doomed', [{ id: 'give', type: 'assign', to: 'omar' }]),
    playbook('outage', [
      { id: 'offline', type: 'set-mode', site: 'fleet', mode: 'offline-processing' },
      { id: 'platform-back', type: 'approval', roles: ['supervisor'] },
      { id: 'online', type: 'set-mode', site: 'fleet', mode: 'normal' },
    ]),
  ]);
  cli = cliEnv();
  for (const [name, role] of [['viewer', 'viewer'], ['omar', 'officer'], ['sara', 'supervisor'], ['layla', 'supervisor']] as const) {
    tokens[name] = (await hub.admin.createToken({ name, role })).secret;
  }
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

describe('playbook run, piped', () => {
  it('follows the run as JSON Lines and exits 0 when it succeeds', async () => {
    const r = await runCli(['playbook', 'run', 'quick', '--yes', '--json'], as('omar'));
    expect(r.code, r.stderr).toBe(0);
    const out = lines(r.stdout);
    expect(out[0]).toMatchObject({ type: 'started', run: { playbookId: 'quick', status: 'running', startedBy: { name: 'omar' }, channel: 'cli' } });
    const steps = out.filter((l) => l.type === 'step').map((l) => `${l.stepId}:${l.status}`);
    expect(steps).toEqual(['mode:started', 'mode:done', 'tell:started', 'tell:done', 'back:started', 'back:done']);
    expect(out.at(-2)).toMatchObject({ type: 'run', run: { status: 'succeeded' } });
    expect(out.at(-1)).toMatchObject({ type: 'result', run: { status: 'succeeded' }, steps: [{ id: 'mode', status: 'done' }, {}, {}] });
    // The version it ran lists it, joined from the journal by the definition's hash.
    const history = await runCli(['playbook', 'history', 'quick', '--json'], as('omar'));
    expect(JSON.parse(history.stdout).versions[0].runs).toContainEqual(expect.objectContaining({ id: out[0]!.run.id, status: 'succeeded' }));
  });

  it('prints a line per change without --json, and exits 1 when the run fails', async () => {
    const r = await runCli(['playbook', 'run', 'doomed', '--yes'], as('omar'));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^RUN-\d{6} started: doomed v1\ngive started\ngive failed: no incident to assign/);
    expect(r.stderr).toMatch(/RUN-\d{6} failed: step give failed: no incident to assign/);
  });

  it('plans with --dry-run and starts nothing', async () => {
    const before = (await hub.admin.listRuns()).length;
    const r = await runCli(['playbook', 'run', 'quick', '--dry-run', '--json'], as('omar'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).plan.steps.map((s: { does: string }) => s.does)).toEqual(['switch JED to surge mode', 'tell channel #ops: surge', 'switch JED to normal mode']);
    expect((await hub.admin.listRuns()).length).toBe(before);
  });

  it('is refused to a viewer (exit 6) and for a playbook the hub does not have (exit 4)', async () => {
    expect((await runCli(['playbook', 'run', 'quick', '--yes'], as('viewer'))).code).toBe(6);
    const missing = await runCli(['playbook', 'run', 'nope', '--yes'], as('omar'));
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('no playbook nope');
  });
});

describe('a two-person approval from three terminals', () => {
  it('stops following at the approval (exit 7), refuses the requester and the same person twice, and completes with two others', async () => {
    const started = await runCli(['playbook', 'run', 'isolate', '--yes', '--json'], as('sara'));
    expect(started.code).toBe(7);
    const runId = lines(started.stdout).at(-1)!.run.id as string;
    expect(JSON.parse(started.stderr.trim().split('\n').at(-1)!)).toMatchObject({ error: { code: 'run_waiting', details: { runId, waitingOn: 'approval' } } });

    const own = await runCli(['playbook', 'approve', runId], as('sara'));
    expect(own.code).toBe(6);
    expect(own.stderr).toContain('needs two people other than its requester');
    const officer = await runCli(['playbook', 'approve', runId], as('omar'));
    expect(officer.code).toBe(6);

    const first = await runCli(['playbook', 'approve', runId], as('layla'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`approved ${runId}; ${runId} waits for approval`);
    const twice = await runCli(['playbook', 'approve', runId, '--json'], as('layla'));
    expect(twice.code).toBe(5);
    expect(JSON.parse(twice.stderr)).toMatchObject({ error: { code: 'conflict' } });

    const second = await runCli(['playbook', 'approve', runId, '--step', 'agree'], { ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken! });
    expect(second.code, second.stderr).toBe(0);
    await runWhen(hub.admin, runId, 'the run to succeed', status('succeeded'));

    const shown = await runCli(['playbook', 'status', runId], as('viewer'));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('  ✓ agree  agree title');
    expect(shown.stdout).toContain('agree: approved by layla (cli)');
    expect(shown.stdout).toContain('agree: approved by bootstrap-admin (cli)');
    const listed = await runCli(['playbook', 'runs', '--state', 'succeeded'], as('viewer'));
    expect(listed.stdout.split('\n').some((l) => l.startsWith(`${runId}\tisolate v1\tsucceeded`))).toBe(true);
  });
});

describe('site modes in status', () => {
  it('shows every site offline in status --json while the outage run holds, and normal once it ends', async () => {
    const started = await runCli(['playbook', 'run', 'outage', '--yes', '--json'], as('omar'));
    expect(started.code).toBe(7);
    const runId = lines(started.stdout).at(-1)!.run.id as string;
    const during = JSON.parse((await runCli(['status', '--json'], as('viewer'))).stdout);
    expect(during.mode).toBe('offline-processing');
    expect(during.sites.map((s: { mode: string }) => s.mode)).toEqual(['offline-processing', 'offline-processing']);
    const text = await runCli(['status'], as('viewer'));
    expect(text.stdout.split('\n')[0]!.split('\t').at(-1)).toBe('offline-processing');
    expect((await runCli(['playbook', 'approve', runId], as('sara'))).code).toBe(0);
    await runWhen(hub.admin, runId, 'the run to succeed', status('succeeded'));
    const after = JSON.parse((await runCli(['status', '--json'], as('viewer'))).stdout);
    expect([after.mode, ...after.sites.map((s: { mode: string }) => s.mode)]).toEqual(['normal', 'normal', 'normal']);
  });
});

describe('outside text', () => {
  it('is inert in every renderer: a note with escape sequences and line feeds', async () => {
    const { run } = await hub.admin.startRun({ playbook: 'quick' });
    await runWhen(hub.admin, run.id, 'the run to succeed', status('succeeded'));
    const hostile = 'ok\x1b[2J\x1b]0;owned\x07\nFORGED LINE\u202e';
    const noted = await runCli(['playbook', 'note', run.id, hostile], as('omar'));
    expect(noted.code, noted.stderr).toBe(0);
    const shown = await runCli(['playbook', 'status', run.id], as('viewer'));
    expect(shown.stdout).not.toContain('\x1b');
    expect(shown.stdout).toContain('omar: ok␛[2J␛]0;owned␇␊FORGED LINE\\u202e');
    const json = await runCli(['playbook', 'status', run.id, '--json'], as('viewer'));
    expect(JSON.parse(json.stdout).notes[0].text).toBe(hostile);
  });

  it('gives usage errors for what the CLI can check itself', async () => {
    const r = await runCli(['playbook', 'confirm', 'RUN-000001', '1', 'two'], as('omar'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('checklist items are numbers from 1: two');
    expect((await runCli(['playbook', 'status', 'RUN-999999'], as('omar'))).code).toBe(4);
    expect((await runCli(['playbook', 'runs', '--state', 'sleeping'], as('omar'))).code).toBe(2);
  });
});
