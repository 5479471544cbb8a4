// `diag run` and `diag fleet` through run() against a stub hub that streams
// JSON Lines: the lines a person sees, the JSON Lines a script reads, exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDiagTarget } from '../../src/commands/diag/target.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { FIX_RUN, SWEEP_RESULTS, SWEEP_SUMMARY, UNREACHABLE_THEN_ERROR } from './diag-fixtures.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { SITES } from './fixtures.js';

let hub: StubHub;
let failing: StubHub;
let cli: FakeCli;
let env: Record<string, string>;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'POST', path: '/v1/diagnostics/runs', ndjson: FIX_RUN },
    { method: 'POST', path: '/v1/diagnostics/sweeps', ndjson: [...SWEEP_RESULTS, SWEEP_SUMMARY] },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/assets?site=RUH&kind=egate', body: { assets: SWEEP_RESULTS.map((r) => ({ id: r.assetId })) } },
  ]);
  failing = await startStubHub([
    { method: 'POST', path: '/v1/diagnostics/runs', ndjson: UNREACHABLE_THEN_ERROR },
  ]);
  env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' };
  cli = fakeCli({ env });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  expect(failing.unexpected).toEqual([]);
  await hub.close();
  await failing.close();
  cli.cleanup();
});

const lastBody = (stub: StubHub) => stub.requests.at(-1)!.body;

describe('diag run', () => {
  it('piped: one line per event with its time, the verdict last; --fix is sent', async () => {
    const r = await cli.run('diag', 'run', 'ruh/EGATE-07', '--fix');
    expect(r.code, r.stderr).toBe(0);
    expect(lastBody(hub)).toEqual({ target: 'RUH/egate-07', fix: true, dryRun: false });
    expect(r.stdout.split('\n')).toEqual([
      '2025-03-01T06:30:01.000Z  probe   RUH/egate-07  health: degraded (12 ms)',
      '2025-03-01T06:30:01.000Z  finding RUH/egate-07  card-reader-jam: card reader jammed [software, remote fix known] (jam sensor tripped)',
      '2025-03-01T06:30:02.000Z  action  RUH/egate-07  clear-jam: done',
      '2025-03-01T06:30:03.000Z  verify  RUH/egate-07  after clear-jam: passed (ok)',
      '2025-03-01T06:30:03.000Z  verdict RUH/egate-07  fixed remotely: clear-jam fixed card-reader-jam [INC-000042]',
      '',
    ]);
  });

  it('on a terminal: no timestamps (the lines arrive live)', async () => {
    const tty = fakeCli({ env, tty: true });
    try {
      const r = await tty.run('diag', 'run', 'inc-42', '--dry-run');
      expect(lastBody(hub)).toEqual({ target: 'INC-000042', fix: false, dryRun: true });
      expect(r.stdout.split('\n')[0]).toBe('probe   RUH/egate-07  health: degraded (12 ms)');
    } finally {
      tty.cleanup();
    }
  });

  it('--json: the events as JSON Lines, one compact object per line even on a terminal', async () => {
    const tty = fakeCli({ env, tty: true });
    try {
      const r = await tty.run('diag', 'run', 'RUH', '--json');
      const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.type)).toEqual(['probe', 'finding', 'action', 'verify', 'verdict']);
      expect(lines[4]).toMatchObject({ verdict: 'fixed', incidentId: 'INC-000042', actions: [{ action: 'clear-jam', verified: true }] });
    } finally {
      tty.cleanup();
    }
  });

  it('an unreachable device is a verdict, not a failure; an asset the hub could not diagnose is exit 1 naming it', async () => {
    const other = fakeCli({ env: { WATCHFLOOR_HUB: failing.url, WATCHFLOOR_TOKEN: 'wf_test' } });
    try {
      const r = await other.run('diag', 'run', 'RUH');
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('probe   RUH/egate-01  health: no answer (UND_ERR_CONNECT_TIMEOUT) (2001 ms)');
      expect(r.stdout).toContain('verdict RUH/egate-01  unreachable: management endpoint unreachable');
      expect(r.stderr).toContain('watchfloor: 1 asset could not be diagnosed');
      const j = await other.run('diag', 'run', 'RUH', '--json');
      expect(j.code).toBe(1);
      expect(JSON.parse(j.stderr).error).toMatchObject({ code: 'hub_error', details: { assets: ['RUH/egate-02'] } });
    } finally {
      other.cleanup();
    }
  });

  it('an unknown target: exit 4 with the hub\'s suggestions, before any line is printed', async () => {
    const nf = await startStubHub([
      {
        method: 'POST',
        path: '/v1/diagnostics/runs',
        status: 404,
        body: { error: { code: 'not_found', message: 'no asset RUH/egate-99', hint: 'did you mean RUH/egate-09?', details: { suggestions: ['RUH/egate-09'] } } },
      },
    ]);
    const other = fakeCli({ env: { WATCHFLOOR_HUB: nf.url, WATCHFLOOR_TOKEN: 'wf_test' } });
    try {
      const r = await other.run('diag', 'run', 'RUH/egate-99');
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('watchfloor: no asset RUH/egate-99\nhint: did you mean RUH/egate-09?\n');
    } finally {
      other.cleanup();
      await nf.close();
    }
  });

  it('a missing target is a usage error (exit 2)', async () => {
    expect((await cli.run('diag', 'run')).code).toBe(2);
  });
});

describe('normalizeDiagTarget', () => {
  it('incident ids, asset ids and sites as the hub expects them', () => {
    expect(normalizeDiagTarget('42')).toBe('INC-000042');
    expect(normalizeDiagTarget('inc-7')).toBe('INC-000007');
    expect(normalizeDiagTarget('jed/CCTV-002')).toBe('JED/cctv-002');
    expect(normalizeDiagTarget('Platform/Visa')).toBe('platform/visa');
    expect(normalizeDiagTarget(' ruh ')).toBe('ruh');
  });
});

describe('diag fleet', () => {
  it('piped: the assets that were not healthy as rows (worst first); the totals on stderr; no progress', async () => {
    const r = await cli.run('diag', 'fleet', '--site', 'ruh', '--kind', 'egate', '--fix', '--concurrency', '8');
    expect(r.code, r.stderr).toBe(0);
    expect(lastBody(hub)).toEqual({ site: 'RUH', kind: 'egate', fix: true, concurrency: 8 });
    expect(r.stdout).toBe(
      [
        'RUH/egate-05\tegate\tdispatched\tdoor-failed\t-\tDSP-000001',
        'RUH/egate-07\tegate\tfixed remotely\tcard-reader-jam\tclear-jam:done\tINC-000042',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('3 assets in 1.2 s: 1 healthy, 1 fixed remotely, 1 dispatched\n');
  });

  it('--json: one object per asset, then the summary (JSON Lines)', async () => {
    const r = await cli.run('diag', 'fleet', '--json');
    expect(lastBody(hub)).toEqual({ fix: false });
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      type: 'result', assetId: 'RUH/egate-01', siteId: 'RUH', kind: 'egate', verdict: 'healthy', incidentId: null, dispatchId: null, findings: [], actions: [],
    });
    expect(lines[3]).toEqual(SWEEP_SUMMARY);
    expect(r.stderr).toBe('');
  });

  it('on a terminal: a progress bar on stderr (erased at the end), the table and totals on stdout', async () => {
    const tty = fakeCli({ env, tty: true, width: 100 });
    try {
      const r = await tty.run('diag', 'fleet', '--site', 'RUH', '--kind', 'egate');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('] 0/3 assets');
      expect(r.stderr).toContain('[########################################] 3/3 assets  1 fixed, 1 dispatched');
      expect(r.stderr.endsWith('\r\x1b[K')).toBe(true);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^ASSET\s+KIND\s+VERDICT\s+FINDINGS\s+ACTIONS\s+REF$/);
      expect(lines.at(-1)).toBe('3 assets in 1.2 s: 1 healthy, 1 fixed remotely, 1 dispatched');
    } finally {
      tty.cleanup();
    }
  });

  it('a bad --kind or --concurrency is a usage error before any request', async () => {
    const before = hub.requests.length;
    expect((await cli.run('diag', 'fleet', '--kind', 'toaster')).code).toBe(2);
    expect((await cli.run('diag', 'fleet', '--concurrency', '0')).code).toBe(2);
    expect(hub.requests.length).toBe(before);
  });
});
