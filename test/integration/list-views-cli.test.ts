// Issue 13 item 5, the list views as kubectl users expect them, through the
// built CLI against a real demo hub: `--region` on status and incidents list
// (matched as `sites list --region` is), `-o wide` for more columns, and
// `--watch`, which prints a snapshot then one JSON line per change when piped,
// ends with exit 0 on SIGTERM and stops once its reader has gone.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, runCli, runCliJson, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { waitUntil } from '../helpers/wait-until.js';

let hub: TestHub;
let cli: CliEnv;

beforeAll(async () => {
  hub = await startTestHub({ demo: true, seed: 7 });
  cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken });
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

const json = (...args: string[]) => runCliJson(args, cli.env);
const rows = (stdout: string) => stdout.trimEnd().split('\n').map((line) => line.split('\t'));

async function hubCall(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

describe('--region on status and incidents list', () => {
  it('status --region keeps only the sites of the region, however it is typed', async () => {
    const makkah = await json('status', '--region', 'makkah');
    expect(makkah.code, makkah.stderr).toBe(0);
    const ids = makkah.body.sites.map((s: { id: string }) => s.id).sort();
    expect(ids).toContain('JED');
    expect(new Set(makkah.body.sites.map((s: { region: string }) => s.region))).toEqual(new Set(['Makkah']));
    for (const typed of ['MAKK', 'مكة', 'jeddah']) {
      const r = await json('status', '--region', typed);
      expect(r.code, `${typed}: ${r.stderr}`).toBe(0);
      expect(r.body.sites.map((s: { id: string }) => s.id).sort(), typed).toEqual(ids);
    }
    const text = await runCli(['status', '--region', 'makkah'], cli.env);
    expect(rows(text.stdout).every((row) => row[3] === 'Makkah')).toBe(true);
  });

  it('incidents list --region keeps only incidents at sites of the region', async () => {
    await hubCall('POST', '/v1/incidents', { title: 'region test jed', severity: 'sev3', siteId: 'JED' });
    await hubCall('POST', '/v1/incidents', { title: 'region test ruh', severity: 'sev3', siteId: 'RUH' });
    const r = await json('incidents', 'list', '--region', 'مكة', '--state', 'all');
    expect(r.code, r.stderr).toBe(0);
    const titles = r.body.incidents.map((i: { title: string }) => i.title);
    expect(titles).toContain('region test jed');
    expect(titles).not.toContain('region test ruh');
  });

  it('several regions or none is exit 4 with suggestions', async () => {
    for (const verb of [['status'], ['incidents', 'list']]) {
      const several = await json(...verb, '--region', 'ern');
      expect(several.code, verb.join(' ')).toBe(4);
      expect(several.body.error.details).toEqual({ suggestions: ['Eastern Province', 'Northern Borders'], ambiguous: true });
      const none = await json(...verb, '--region', 'makah');
      expect(none.code).toBe(4);
      expect(none.body.error.details.suggestions).toContain('Makkah');
    }
  });
});

describe('-o wide', () => {
  it('status -o wide adds the city, the open incidents and the worst asset after the usual columns', async () => {
    const plain = rows((await runCli(['status'], cli.env)).stdout);
    const r = await runCli(['status', '-o', 'wide'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const wide = rows(r.stdout);
    expect(wide.length).toBe(plain.length);
    const ruh = wide.find((row) => row[0] === 'RUH')!;
    // The usual fields keep their places (name, kind, region stay put while the demo runs); the wide ones follow.
    expect(ruh.slice(0, 4)).toEqual(plain.find((row) => row[0] === 'RUH')!.slice(0, 4));
    expect(ruh[11]).toBe('Riyadh');
    expect(ruh[12]).toMatch(/^\d+$/);
    expect(ruh[13]).toMatch(/^(-|\S+ (down|degraded))$/);
    // The demo moves on between two runs: the long form gives the same columns, not the same figures.
    const long = rows((await runCli(['status', '--output', 'wide'], cli.env)).stdout);
    expect(new Set(long.map((row) => row[0]))).toEqual(new Set(wide.map((row) => row[0])));
    expect(long.every((row) => row.length >= 14)).toBe(true);
  });

  it('incidents list -o wide adds region, asset, assignee, acknowledged by and the opening time', async () => {
    const { incident } = await hubCall('POST', '/v1/incidents', { title: 'wide test', severity: 'sev2', siteId: 'JED' });
    await hubCall('POST', `/v1/incidents/${incident.id}/ack`, {});
    const r = await runCli(['incidents', 'list', '-o', 'wide'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const row = rows(r.stdout).find((x) => x[0] === incident.id)!;
    expect(row.slice(7)).toEqual(['Makkah', '-', '-', 'bootstrap-admin', incident.createdAt]);
  });

  it('sites list -o wide adds the Arabic name, coordinates, neighbour and passengers', async () => {
    const r = await runCli(['sites', 'list', '-o', 'wide'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const ruh = rows(r.stdout).find((x) => x[0] === 'RUH')!;
    expect(ruh.length).toBeGreaterThan(6);
    expect(ruh[6]).toMatch(/[\u0600-\u06ff]/);
    expect(ruh[7]).toMatch(/^\d+\.\d+,\d+\.\d+$/);
  });

  it('an unknown -o is exit 2 naming the allowed values; -o json is --json', async () => {
    const bad = await runCli(['incidents', 'list', '-o', 'yaml'], cli.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/wide, json/);
    const asJson = await runCli(['sites', 'list', '-o', 'json'], cli.env);
    expect(asJson.code, asJson.stderr).toBe(0);
    expect(JSON.parse(asJson.stdout).sites.length).toBeGreaterThan(100);
    const help = await runCli(['status', '--help'], cli.env);
    expect(help.stdout).toMatch(/-o, --output <format>/);
    expect(help.stdout).toMatch(/--watch/);
  });
});

describe('--watch', () => {
  function watchPiped(args: string[]): { child: ChildProcessWithoutNullStreams; lines: () => string[]; stderr: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { env: cli.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, lines: () => out.split('\n').filter(Boolean), stderr: () => err, exited };
  }
  const exitWithin = (exited: Promise<number | null>, ms: number) =>
    Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms).unref())]);

  it('incidents list --watch --json piped: a snapshot, then one JSON line per change; SIGTERM ends it with 0', async () => {
    const watch = watchPiped(['incidents', 'list', '--site', 'DMM', '--watch', '--json']);
    try {
      const first = await waitUntil(() => watch.lines()[0], { what: 'the snapshot line', timeoutMs: 15_000, describe: () => watch.stderr() });
      expect(Object.keys(JSON.parse(first))).toEqual(['incidents']);
      const { incident } = await hubCall('POST', '/v1/incidents', { title: 'watched', severity: 'sev2', siteId: 'DMM' });
      const added = await waitUntil(
        () => watch.lines().slice(1).map((l) => JSON.parse(l)).find((l) => l.change === 'added' && l.incident.id === incident.id),
        { what: 'the added line', timeoutMs: 15_000, describe: () => watch.lines().join('\n') + watch.stderr() },
      );
      expect(added.incident.state).toBe('triggered');
      await hubCall('POST', `/v1/incidents/${incident.id}/ack`, {});
      const changed = await waitUntil(
        () => watch.lines().slice(1).map((l) => JSON.parse(l)).find((l) => l.change === 'changed' && l.incident.state === 'acknowledged'),
        { what: 'the changed line', timeoutMs: 15_000, describe: () => watch.lines().join('\n') + watch.stderr() },
      );
      expect(changed.incident.id).toBe(incident.id);
      await hubCall('POST', `/v1/incidents/${incident.id}/resolve`, { summary: 'done' });
      const removed = await waitUntil(
        () => watch.lines().slice(1).map((l) => JSON.parse(l)).find((l) => l.change === 'removed'),
        { what: 'the removed line', timeoutMs: 15_000, describe: () => watch.lines().join('\n') + watch.stderr() },
      );
      expect(removed.incident.id).toBe(incident.id);
      watch.child.kill('SIGTERM');
      expect(await exitWithin(watch.exited, 10_000)).toBe(0);
      expect(watch.stderr()).toBe('');
    } finally {
      watch.child.kill('SIGKILL');
    }
  }, 60_000);

  it('--json FIELDS selects the fields of each change line too', async () => {
    const watch = watchPiped(['incidents', 'list', '--site', 'AHB', '--watch', '--json', 'id,state']);
    try {
      await waitUntil(() => watch.lines()[0], { what: 'the snapshot line', timeoutMs: 15_000 });
      const { incident } = await hubCall('POST', '/v1/incidents', { title: 'fields', severity: 'sev4', siteId: 'AHB' });
      const line = await waitUntil(() => watch.lines()[1], { what: 'a change line', timeoutMs: 15_000, describe: () => watch.stderr() });
      expect(JSON.parse(line)).toEqual({ change: 'added', incident: { id: incident.id, state: 'triggered' } });
    } finally {
      watch.child.kill('SIGKILL');
    }
  }, 60_000);

  it('piped text: the rows, then a line per change that starts with what changed', async () => {
    const watch = watchPiped(['incidents', 'list', '--site', 'TIF', '--watch']);
    try {
      await waitUntil(() => watch.stderr().includes('no incidents match') || watch.lines().length > 0, { what: 'the snapshot', timeoutMs: 15_000 });
      const { incident } = await hubCall('POST', '/v1/incidents', { title: 'text watch', severity: 'sev3', siteId: 'TIF' });
      const line = await waitUntil(() => watch.lines().find((l) => l.includes(incident.id)), { what: 'the added row', timeoutMs: 15_000, describe: () => watch.stderr() });
      expect(line.split('\t').slice(0, 4)).toEqual(['added', incident.id, 'sev3', 'triggered']);
    } finally {
      watch.child.kill('SIGKILL');
    }
  }, 60_000);

  it('a reader that closes the pipe ends it with 0 at the next change, never a hang or a stack trace', async () => {
    const watch = watchPiped(['incidents', 'list', '--site', 'AQI', '--watch', '--json']);
    try {
      await waitUntil(() => watch.lines()[0], { what: 'the snapshot line', timeoutMs: 15_000 });
      watch.child.stdout.destroy();
      await hubCall('POST', '/v1/incidents', { title: 'nobody reads', severity: 'sev4', siteId: 'AQI' });
      // A second change in case the first write landed in the pipe's buffer before it closed.
      await hubCall('POST', '/v1/incidents', { title: 'nobody reads 2', severity: 'sev4', siteId: 'AQI' });
      expect(await exitWithin(watch.exited, 15_000)).toBe(0);
      expect(watch.stderr()).not.toMatch(/bug|at .*\.js/);
    } finally {
      watch.child.kill('SIGKILL');
    }
  }, 60_000);

  it('a hub that goes away is a one-line note on stderr and a retry, never a stack trace, and SIGTERM still ends it with 0', async () => {
    const other = await startTestHub({ demo: false });
    const { incident } = await (async () => {
      const res = await fetch(`${other.url}/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${other.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'before the outage', severity: 'sev3' }),
      });
      return res.json() as Promise<any>;
    })();
    const child = spawn(process.execPath, [CLI_PATH, 'incidents', 'list', '--watch', '--json'], {
      env: { ...cli.env, WATCHFLOOR_HUB: other.url, WATCHFLOOR_TOKEN: other.adminToken },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitUntil(() => out.includes(incident.id), { what: 'the snapshot', timeoutMs: 15_000, describe: () => err });
      await other.close();
      const note = await waitUntil(() => err.split('\n').find((l) => l.includes('retrying')), { what: 'a note on stderr', timeoutMs: 15_000, describe: () => err });
      expect(note).toMatch(/^watchfloor: /);
      expect(err).not.toMatch(/\bat .*\.js|bug/);
      expect(child.exitCode).toBeNull();
      child.kill('SIGTERM');
      expect(await exitWithin(exited, 10_000)).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await other.stop();
    }
  }, 60_000);

  it('refuses --watch with a site in detail (exit 2)', async () => {
    const r = await runCli(['status', 'RUH', '--watch'], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^watchfloor: .*--watch/);
  });
});
