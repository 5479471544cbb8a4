// Issue 13 item 5, as a script and a new user meet it: the built CLI as a child
// process against a real demo hub. Piped text keeps codes whatever --lang says
// (scripts cut on them), and `diag run SITE` prints a summary, not a line per
// healthy asset, unless --all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

let hub: TestHub;
let cli: CliEnv;
const env = (): Record<string, string> => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken });
const ARABIC = /[\u0600-\u06ff]/;
const fields = (stdout: string) => stdout.trimEnd().split("\n").map((line) => line.split('\t'));

beforeAll(async () => {
  hub = await startTestHub({ demo: true });
  cli = cliEnv();
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

describe('piped text under --lang ar keeps ids, kinds and states as codes', () => {
  it('status: kind and health are codes', async () => {
    const r = await runCli(['status', '--lang', 'ar'], env());
    expect(r.code, r.stderr).toBe(0);
    const rows = fields(r.stdout);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row[0]).toMatch(/^[A-Z0-9-]+$/);
      expect(['air', 'land', 'sea', 'service-centre', 'contact-centre']).toContain(row[2]);
      expect(['ok', 'degraded', 'down']).toContain(row[4]);
    }
  });

  it('sites list: the kind is a code', async () => {
    const r = await runCli(['sites', 'list', '--lang', 'ar'], env());
    expect(r.code, r.stderr).toBe(0);
    for (const row of fields(r.stdout)) expect(['air', 'land', 'sea', 'service-centre', 'contact-centre']).toContain(row[2]);
  });

  it('sites show: the kind and health are codes', async () => {
    const r = await runCli(['sites', 'show', 'RUH', '--lang', 'ar'], env());
    expect(r.code, r.stderr).toBe(0);
    const [, kindLine, healthLine] = r.stdout.split('\n');
    expect(kindLine!.split(' · ')[0]).toBe('air');
    expect(healthLine!.split(': ')[1]).toMatch(/^(ok|degraded|down|unknown)\b/);
  });

  it('incidents list: the state is a code', async () => {
    const opened = await fetch(`${hub.url}/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Gate down', severity: 'sev3', siteId: 'RUH' }),
    });
    expect(opened.status).toBe(201);
    const r = await runCli(['incidents', 'list', '--state', 'all', '--lang', 'ar'], env());
    expect(r.code, r.stderr).toBe(0);
    const rows = fields(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[0]).toMatch(/^INC-\d+$/);
      expect(['triggered', 'acknowledged', 'dispatched', 'resolved']).toContain(row[2]);
      expect(row[2]).not.toMatch(ARABIC);
    }
  });
});

describe('diag run SITE', () => {
  it('prints the assets that are not healthy and a summary, not a line per healthy asset; no doubled words', async () => {
    const r = await runCli(['diag', 'run', 'LND-KFC'], env(), 60_000);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.some((l) => /verdict .*\bhealthy\b/.test(l))).toBe(false);
    const summary = lines.at(-1)!;
    expect(summary).toMatch(/^\d+ assets: \d+ healthy/);
    // Every asset that got lines of its own is one the summary names as not healthy.
    const shown = new Set(lines.slice(0, -1).map((l) => l.split(/\s+/)[2]));
    for (const asset of shown) expect(summary).toContain(`${asset} (`);
    expect(r.stdout).not.toMatch(/\b(\w+): \1\b/);
  });

  it('--all prints every line, healthy verdicts included, still without "healthy: healthy"', async () => {
    const r = await runCli(['diag', 'run', 'LND-KFC', '--all'], env(), 60_000);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/verdict \S+ +healthy/);
    expect(r.stdout).not.toMatch(/\b(\w+): \1\b/);
  });
});
