// `status` through run(): piped, terminal and JSON output against a stub hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { FLEET, RUH_DETAIL, SITES } from './fixtures.js';

let hub: StubHub;
let cli: FakeCli;
let tty: FakeCli;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/status', body: FLEET },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/sites/RUH', body: RUH_DETAIL },
    { method: 'GET', path: '/v1/sites/RHU', status: 404, body: { error: { code: 'not_found', message: 'no site RHU' } } },
  ]);
  const env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' };
  cli = fakeCli({ env });
  tty = fakeCli({ env, tty: true, width: 100 });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
  cli.cleanup();
  tty.cleanup();
});

describe('status (fleet)', () => {
  it('piped: one tab-separated row per site, worst first, nothing truncated', async () => {
    const r = await cli.run('status');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'LND-KFC\tKing Fahd Causeway\tland\tEastern Province\tdown\t1\t0\t0\t0\t41\t0/0',
        'RUH\tKing Khalid International Airport\tair\tRiyadh\tdegraded\t0\t1\t2\t0\t12\t19/20',
        'JED\tKing Abdulaziz International Airport\tair\tMakkah\tdegraded\t0\t1\t0\t0\t22.5\t38/40',
        'SC-RIY-01\tRiyadh Region Passports Directorate\tservice-centre\tRiyadh\tok\t0\t0\t0\t0\t-\t0/0',
        '',
      ].join('\n'),
    );
  });

  it('sends the token and says it is the CLI calling', async () => {
    await cli.run('status');
    const last = hub.requests.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer wf_test');
    expect(last.headers['x-watchfloor-channel']).toBe('cli');
  });

  it('on a terminal: headed columns within the width, totals and platforms, no colour when off', async () => {
    const r = await tty.run('status');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SITE\s+NAME\s+KIND\s+REGION\s+HEALTH\s+S1\s+S2\s+S3\s+S4\s+WAIT\s+E-GATES$/);
    expect(lines[1]).toMatch(/^LND-KFC\s+King Fahd Cau…\s+land\s+Eastern Provi…\s+down\s+1\s+\.\s+\.\s+\.\s+41 min\s+0\/0$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain('4 sites: 1 ok, 2 degraded, 1 down · 5 open incidents (sev1 1, sev2 2, sev3 2, sev4 0) · 2540 staff');
    expect(r.stdout).toContain('platforms: 1/2 ok; Watch list degraded');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('on a narrow terminal: long names are shortened with …', async () => {
    const narrow = fakeCli({ env: { WATCHFLOOR_HUB: hub.url }, tty: true, width: 80 });
    try {
      const r = await narrow.run('status');
      const rows = r.stdout.split('\n\n')[0]!.split('\n');
      for (const line of rows) expect(line.length).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain('…');
    } finally {
      narrow.cleanup();
    }
  });

  it('--lang ar: Arabic site names and headings; JSON unaffected', async () => {
    const r = await tty.run('status', '--lang', 'ar');
    expect(r.stdout).toContain('جسر الملك فهد');
    expect(r.stdout).toContain('الموقع');
    expect(r.stdout).toContain('متوقف');
    expect(r.stdout).toContain('المنطقة الشرقية'); // the region, too
    expect(r.stdout).not.toContain('Eastern Province');
    const j = await cli.run('status', '--lang', 'ar', '--json');
    expect(JSON.parse(j.stdout).sites[0].health).toBe('down');
  });

  it('colour on a terminal that allows it, and none with --no-color', async () => {
    const colour = fakeCli({ env: { WATCHFLOOR_HUB: hub.url }, tty: true, color: true });
    try {
      expect((await colour.run('status')).stdout).toContain('\x1b[');
      expect((await colour.run('status', '--no-color')).stdout).not.toContain('\x1b[');
    } finally {
      colour.cleanup();
    }
  });

  it('--json: the documented shape, worst first', async () => {
    const r = await cli.run('status', '--json');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['sites', 'platforms', 'mode', 'totals', 'generatedAt']);
    expect(body.mode).toBe('normal');
    expect(body.sites.map((s: { id: string }) => s.id)).toEqual(['LND-KFC', 'RUH', 'JED', 'SC-RIY-01']);
    expect(Object.keys(body.sites[0]).sort()).toEqual(
      ['arrivalsPerHour', 'counters', 'egates', 'health', 'id', 'kind', 'mode', 'name', 'openIncidents', 'queueLength', 'region', 'reportedAt', 'staff', 'waitMinutes'].sort(),
    );
    expect(body.sites[1]).toMatchObject({ id: 'RUH', name: { en: 'King Khalid International Airport' }, egates: { inService: 19, total: 20 } });
    expect(body.totals.openIncidents.total).toBe(5);
    expect(body.generatedAt).toBe(FLEET.generatedAt);
  });
});

describe('status SITE', () => {
  it('--lang ar names the site, its region and its city in Arabic; piped, its kind stays a code', async () => {
    const before = hub.requests.length;
    const r = await cli.run('status', 'RUH', '--lang', 'ar');
    expect(r.code, r.stderr).toBe(0);
    // An exact id is asked for directly: no sites list to match it in, and every asset (chat asks for fewer).
    expect(hub.requests.slice(before).map((q) => `${q.method} ${q.url}`)).toEqual(['GET /v1/sites/RUH']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['RUH  مطار الملك خالد الدولي', 'air · الرياض · الرياض']);
  });

  it('resolves a lower-case id and shows assets by kind, non-ok ones named, and open incidents', async () => {
    const r = await cli.run('status', 'ruh');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        'RUH  King Khalid International Airport',
        'air · Riyadh · Riyadh',
        'health: degraded',
        'wait: 12 min · queue: 48 · e-gates: 19/20 in service · counters: 10/20 open · staff: 880',
        'reported: 2025-03-01T06:29:00Z',
        '',
        'assets',
        '  cctv   1 ok',
        '  egate  1 ok, 1 down',
        '    RUH/egate-02  E-gate 02  down',
        '',
        'open incidents',
        'INC-000042\tsev2\ttriggered\tRUH\tE-gate 42 stopped processing travellers\t2025-03-01T06:10:00Z\t-',
        '',
      ].join('\n'),
    );
  });

  it('resolves an Arabic name fragment', async () => {
    const r = await cli.run('status', 'الملك خالد', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ site: { id: 'RUH' }, status: { health: 'degraded' } });
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['site', 'status', 'assets', 'incidents']);
  });

  it('an unknown site exits 4 and names the nearest', async () => {
    const r = await cli.run('status', 'RHU');
    // Asked for as an id first; the hub's 404 sends it to the sites list, whose nearest are named.
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('no site matches "RHU"');
    expect(r.stderr).toContain('hint: did you mean RUH (King Khalid International Airport)?');
  });
});
