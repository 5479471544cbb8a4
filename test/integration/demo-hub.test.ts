// `watchfloor hub start --demo` as a child process, then the CLI with nothing
// but the profile the first start wrote: the path a new user takes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  it('serves 104 sites of all five kinds to `status --json`, using the profile it wrote', async () => {
    expect(hubUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await runCli(['status', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as FleetStatus;
    expect(status.sites).toHaveLength(104);
    const kinds = new Map<string, number>();
    for (const s of status.sites) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ air: 29, land: 14, sea: 11, 'service-centre': 49, 'contact-centre': 1 });
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

  it('shows the 992 contact centre with the AI agent’s share, in `status` piped and on the site’s sheet', async () => {
    const piped = async () => {
      const r = await runCli(['status'], cli.env);
      expect(r.code, r.stderr).toBe(0);
      const row = r.stdout.split('\n').find((l) => l.startsWith('CC-992\t'));
      return row && row.split('\t').at(-1) !== '-' && row.split('\t');
    };
    const row = await waitUntil(piped, { what: 'the contact centre’s first report', timeoutMs: 15_000, intervalMs: 500 });
    expect(row.slice(0, 3)).toEqual(['CC-992', '992 Contact Centre', 'contact-centre']);
    expect(Number(row.at(-1))).toBeGreaterThan(0);
    const r = await runCli(['status', 'CC-992', '--json'], cli.env);
    const detail = JSON.parse(r.stdout) as { status: FleetStatus['sites'][number]; assets: { name: string }[] };
    expect(detail.status.contactCentre?.aiShare).toBeGreaterThan(0);
    expect(detail.assets.map((a) => a.name)).toContain('AI voice agent');
  }, 30_000);

  it('reports wait times from the simulator for the busy airports', async () => {
    const r = await runCli(['status', 'jed', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const detail = JSON.parse(r.stdout);
    expect(detail.site.id).toBe('JED');
    expect(detail.status.waitMinutes).not.toBeNull();
    expect(detail.assets.length).toBeGreaterThan(10);
  });
});

describe('the drills against the demo hub, with the control token the start stored', () => {
  let gate = '';

  it('sim inject works with the profile alone; config list shows the token masked', async () => {
    // A gate the simulator has not broken (a second fault would be refused).
    const dmm = JSON.parse((await runCli(['status', 'DMM', '--json'], cli.env)).stdout) as { assets: { id: string; kind: string }[] };
    const faulted = JSON.parse((await runCli(['sim', 'faults', '--site', 'DMM', '--json'], cli.env)).stdout) as { faults: { assetId: string }[] };
    gate = dmm.assets.find((a) => a.kind === 'egate' && !faulted.faults.some((f) => f.assetId === a.id))!.id;
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    const stored = config.profiles[config.activeProfile ?? 'default'];
    expect(stored.simToken).toMatch(/^wfsim_/);
    const list = await runCli(['config', 'list'], cli.env);
    expect(list.stdout).toMatch(/simToken +wfsim_…/);
    expect(list.stdout).not.toContain(stored.simToken);
    const r = await runCli(['sim', 'inject', gate, '--fault', 'card-reader-jam', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).fault).toMatchObject({ assetId: gate, fault: 'card-reader-jam', source: 'injected' });
  });

  it("the hub's diagnostics, holding the device token, still fix the device", async () => {
    const r = await runCli(['diag', 'run', gate, '--fix', '--json'], cli.env, 60_000);
    expect(r.code, r.stderr).toBe(0);
    const verdict = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.type === 'verdict');
    expect(verdict).toMatchObject({ assetId: gate, verdict: 'fixed' });
    const truth = JSON.parse((await runCli(['sim', 'faults', '--site', 'DMM', '--json'], cli.env)).stdout);
    expect(truth.faults.filter((f: { assetId: string; source: string }) => f.assetId === gate && f.source === 'injected')).toEqual([]);
  }, 75_000);

  it('a bogus control token: exit 6, nothing injected', async () => {
    const bogus = { ...cli.env, WATCHFLOOR_SIM_TOKEN: 'wfsim_bogus' };
    const r = await runCli(['sim', 'inject', gate, '--fault', 'hung-service'], bogus);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('refused the control token');
    const truth = JSON.parse((await runCli(['sim', 'faults', '--site', 'DMM', '--json'], cli.env)).stdout);
    expect(truth.faults.some((f: { assetId: string; source: string }) => f.assetId === gate && f.source === 'injected')).toBe(false);
  });
});
