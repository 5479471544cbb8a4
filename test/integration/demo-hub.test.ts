// `watchfloor hub start --demo` as a child process, then the CLI with nothing
// but the profile the first start wrote: the path a new user takes.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetStatus, Incident } from '../../src/core/model.js';
import { CLI_PATH, cliEnv, runCli, type CliEnv } from '../helpers/cli.js';

let cli: CliEnv;
let hub: ChildProcess;
let hubUrl = '';

beforeAll(async () => {
  cli = cliEnv();
  hub = spawn(
    process.execPath,
    [CLI_PATH, 'hub', 'start', '--demo', '--seed', '7', '--speed', '60', '--port', '0', '--data', join(cli.configDir, 'hub.sqlite'), '--json'],
    { env: cli.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  hub.stderr!.on('data', (c) => (stderr += c));
  hubUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start within 30 s: ${stderr}`)), 30_000);
    hub.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.includes('"url"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url as string);
      }
    });
    hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${stderr}`)));
  });
});

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((r) => hub.once('exit', r));
    hub.kill('SIGTERM');
    await exited;
  }
  cli?.cleanup();
});

describe('hub start --demo --seed 7', () => {
  it('serves 103 sites of all four kinds to `status --json`, using the profile it wrote', async () => {
    expect(hubUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await runCli(['status', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as FleetStatus;
    expect(status.sites).toHaveLength(103);
    const kinds = new Map<string, number>();
    for (const s of status.sites) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ air: 29, land: 14, sea: 11, 'service-centre': 49 });
    const ruh = status.sites.find((s) => s.id === 'RUH')!;
    expect(ruh.name).toEqual({ en: 'King Khalid International Airport', ar: 'مطار الملك خالد الدولي' });
    expect(['ok', 'degraded', 'down']).toContain(ruh.health);
    expect(ruh.egates.total).toBeGreaterThan(0);
  });

  it('has the simulator opening incidents within a minute at --speed 60', async () => {
    const deadline = Date.now() + 60_000;
    let incidents: Incident[] = [];
    while (Date.now() < deadline) {
      const r = await runCli(['incidents', 'list', '--json'], cli.env);
      expect(r.code, r.stderr).toBe(0);
      incidents = JSON.parse(r.stdout).incidents;
      if (incidents.length > 0) break;
      await new Promise((res) => setTimeout(res, 2_000));
    }
    expect(incidents.length).toBeGreaterThan(0);
    expect(incidents[0]!.source).toBe('alertmanager');
  }, 75_000);

  it('reports wait times from the simulator for the busy airports', async () => {
    const r = await runCli(['status', 'jed', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const detail = JSON.parse(r.stdout);
    expect(detail.site.id).toBe('JED');
    expect(detail.status.waitMinutes).not.toBeNull();
    expect(detail.assets.length).toBeGreaterThan(10);
  });
});
