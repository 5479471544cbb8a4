// `watchfloor hub start --demo` as a child process, then the CLI with nothing
// but the profile the first start wrote: the path a new user takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetStatus, Incident } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startDemoHubProcess, type DemoHubProcess } from '../helpers/demo-hub-process.js';
import { waitUntil } from '../helpers/wait-until.js';

let cli: CliEnv;
let hub: DemoHubProcess;
let hubUrl = '';

beforeAll(async () => {
  cli = cliEnv();
  hub = await startDemoHubProcess(cli);
  hubUrl = hub.url;
});

afterAll(async () => {
  await hub?.stop();
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
    const listed = async () => {
      const r = await runCli(['incidents', 'list', '--json'], cli.env);
      expect(r.code, r.stderr).toBe(0);
      const { incidents } = JSON.parse(r.stdout) as { incidents: Incident[] };
      return incidents.length > 0 && incidents;
    };
    const incidents = await waitUntil(listed, { what: 'an incident from the simulator', timeoutMs: 60_000, intervalMs: 2_000 });
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
