// Issue 14 item 4 as a duty officer meets it: the built CLI as a child process
// against a real hub. silence add|list|expire and maintenance add|list|cancel,
// their exit codes for bad input, a site marked in `status` (a code when
// piped), and an officer refused a maintenance window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

let hub: FixtureHub;
let cli: CliEnv;
let intake: CoreClient;
let officerSecret: string;
const env = (token = hub.adminToken!): Record<string, string> => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: token });
const wf = (args: string[], token?: string) => runCli(args, env(token));
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  hub = await startFixtureHub();
  cli = cliEnv();
  intake = await hub.clientAs('intake');
  officerSecret = (await hub.clientAs('officer')).secret;
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

// Each case runs several CLI processes; on two shared cores one can take seconds.
describe('silence', { timeout: 90_000 }, () => {
  it('add prints the id; the site is marked in status; a matching alert is counted and opens nothing; expire ends it', async () => {
    const added = await wf(['silence', 'add', '--site', 'King Khalid', '--for', '2h', '--reason', 'gate works'], officerSecret);
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^SIL-\d+$/);
    expect(added.stderr).toContain('site=RUH');

    const status = await wf(['status']);
    const ruh = status.stdout.split('\n').map((l) => l.split('\t')).find((row) => row[0] === 'RUH')!;
    expect(ruh.at(-1)).toBe('silenced');
    const jed = status.stdout.split('\n').map((l) => l.split('\t')).find((row) => row[0] === 'JED')!;
    expect(jed.at(-1)).toBe('-');

    const result = await intake.ingestAlertmanager({ alerts: [{ status: 'firing', labels: { alertname: 'GateDown', site: 'RUH', severity: 'critical' }, fingerprint: 'cli-1' }] });
    expect(result).toMatchObject({ created: [], silenced: 1 });

    const listed = await wf(['silence', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).silences).toEqual([
      expect.objectContaining({ id, kind: 'silence', state: 'active', siteId: 'RUH', alertsSilenced: 1, reason: 'gate works', createdBy: expect.objectContaining({ name: 'officer' }) }),
    ]);
    const piped = await wf(['silence', 'list']);
    expect(piped.stdout).toContain(id);

    const shown = await wf(['silence', 'show', id.toLowerCase(), '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual({
      silence: expect.objectContaining({ id, state: 'active', alertsSilenced: 1 }),
      alerts: [expect.objectContaining({ fingerprint: 'cli-1', silenceId: id, status: 'firing', siteId: 'RUH', count: 1 })],
    });
    const sheet = await wf(['silence', 'show', id]);
    expect(sheet.stdout).toContain('reason: gate works');
    expect(sheet.stdout).toMatch(/firing\tsev1\tRUH/);
    const unknown = await wf(['silence', 'show', 'SIL-999999']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('no silence or maintenance window SIL-999999');

    expect((await wf(['silence', 'expire', id], officerSecret)).code).toBe(0);
    expect(JSON.parse((await wf(['silence', 'list', '--json'])).stdout).silences).toEqual([]);
    expect(JSON.parse((await wf(['silence', 'list', '--all', '--json'])).stdout).silences[0]).toMatchObject({ id, state: 'expired' });
    const again = await wf(['silence', 'expire', id]);
    expect(again.code, again.stderr).toBe(5);
    expect((await wf(['silence', 'expire', 'SIL-999999'])).code).toBe(4);
  });

  it('refuses bad input with exit 2 (nothing to silence, a bad span, a bad matcher, no reason) and an unknown site with 4', async () => {
    const cases: [string[], number][] = [
      [['silence', 'add', '--for', '2h', '--reason', 'x'], 2],
      [['silence', 'add', '--site', 'RUH', '--for', 'soon', '--reason', 'x'], 2],
      [['silence', 'add', '--match', 'alertname', '--for', '2h', '--reason', 'x'], 2],
      [['silence', 'add', '--match', 'instance=~(gw', '--for', '2h', '--reason', 'x'], 2],
      [['silence', 'add', '--match', 'instance=~(a+)+', '--for', '2h', '--reason', 'x'], 2],
      [['silence', 'add', '--site', 'RUH', '--for', '2h'], 2],
      [['silence', 'add', '--site', 'Atlantis', '--for', '2h', '--reason', 'x'], 4],
    ];
    for (const [args, code] of cases) {
      const r = await wf(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
      expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
    }
    expect(JSON.parse((await wf(['silence', 'list', '--json'])).stdout).silences).toEqual([]);
  });

  it('takes label matchers, equality and regex', async () => {
    const r = await wf(['silence', 'add', '--match', 'alertname=LinkFlap', '--match', 'instance=~gw-.*', '--for', '30m', '--reason', 'carrier', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { silence } = JSON.parse(r.stdout);
    expect(silence.matchers).toEqual([{ label: 'alertname', op: '=', value: 'LinkFlap' }, { label: 'instance', op: '=~', value: 'gw-.*' }]);
    expect((await wf(['silence', 'expire', silence.id])).code).toBe(0);
  });
});

describe('maintenance', { timeout: 90_000 }, () => {
  it('add, list and cancel a window; the site is marked maintenance while it holds', async () => {
    const added = await wf(['maintenance', 'add', '--site', 'JED', '--from', new Date().toISOString(), '--until', inAnHour(), '--reason', 'core switch']);
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^MW-\d+$/);
    const jed = (await wf(['status'])).stdout.split('\n').map((l) => l.split('\t')).find((row) => row[0] === 'JED')!;
    expect(jed.at(-1)).toBe('maintenance');
    const listed = JSON.parse((await wf(['maintenance', 'list', '--json'])).stdout).silences;
    expect(listed).toEqual([expect.objectContaining({ id, kind: 'maintenance', siteId: 'JED', state: 'active' })]);
    expect((await wf(['maintenance', 'cancel', id])).code).toBe(0);
    expect(JSON.parse((await wf(['maintenance', 'list', '--json'])).stdout).silences).toEqual([]);
  });

  it('refuses a window in the past or ending before it starts (2), and an officer (6)', async () => {
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await wf(['maintenance', 'add', '--site', 'JED', '--from', past, '--until', new Date(Date.now() - 60_000).toISOString(), '--reason', 'x'])).code).toBe(2);
    expect((await wf(['maintenance', 'add', '--site', 'JED', '--from', inAnHour(), '--until', past, '--reason', 'x'])).code).toBe(2);
    expect((await wf(['maintenance', 'add', '--site', 'JED', '--from', 'tonight', '--until', inAnHour(), '--reason', 'x'])).code).toBe(2);
    const officer = await wf(['maintenance', 'add', '--site', 'JED', '--from', new Date().toISOString(), '--until', inAnHour(), '--reason', 'x'], officerSecret);
    expect(officer.code, officer.stderr).toBe(6);
    expect(JSON.parse((await wf(['maintenance', 'list', '--json'])).stdout).silences).toEqual([]);
  });
});
