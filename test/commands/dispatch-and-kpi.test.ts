// `dispatch list|show|close` and `kpi remote` through run() against a stub hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDispatchId } from '../../src/commands/dispatch/dispatch-id.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { DISPATCH, KPI } from './diag-fixtures.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { SITES } from './fixtures.js';

let hub: StubHub;
let cli: FakeCli;
let env: Record<string, string>;

const closed = { ...DISPATCH, state: 'closed' as const, closedAt: '2025-03-01T06:29:00Z', closedBy: { id: 'tok_s', name: 'Sara' }, note: 'replaced the door motor' };

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/dispatches?state=open', body: { dispatches: [DISPATCH] } },
    { method: 'GET', path: '/v1/dispatches?site=RUH', body: { dispatches: [DISPATCH, closed] } },
    { method: 'GET', path: '/v1/dispatches?state=closed', body: { dispatches: [] } },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/dispatches/DSP-000001', body: { dispatch: DISPATCH } },
    { method: 'GET', path: '/v1/dispatches/DSP-000404', status: 404, body: { error: { code: 'not_found', message: 'no dispatch DSP-000404' } } },
    { method: 'POST', path: '/v1/dispatches/DSP-000001/close', body: { dispatch: closed } },
    {
      method: 'POST',
      path: '/v1/dispatches/DSP-000002/close',
      status: 403,
      body: { error: { code: 'forbidden', message: 'closing a dispatch needs the supervisor role or being its assignee' } },
    },
    { method: 'GET', path: '/v1/kpi/remote', body: KPI },
    { method: 'GET', path: '/v1/kpi/remote?since=2025-03-01T04%3A30%3A00.000Z', body: KPI },
  ]);
  env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' };
  cli = fakeCli({ env });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
  cli.cleanup();
});

const last = () => hub.requests.at(-1)!;

describe('dispatch list', () => {
  it('piped: open work orders, one tab-separated row each', async () => {
    const r = await cli.run('dispatch', 'list');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('DSP-000001\tP2\topen\tRUH/egate-05\tINC-000019\tdoor-failed\tdoor motor, door controller board\t2025-03-01T06:10:00Z\n');
  });

  it('--state all --site resolves the site and asks for every state; --json lists the shape', async () => {
    const r = await cli.run('dispatch', 'list', '--state', 'all', '--site', 'ruh', '--json');
    expect(last().url).toBe('/v1/dispatches?site=RUH');
    const body = JSON.parse(r.stdout);
    expect(body.dispatches).toHaveLength(2);
    expect(Object.keys(body.dispatches[0]).sort()).toEqual(
      ['actionsTried', 'assetId', 'closedAt', 'closedBy', 'createdAt', 'createdBy', 'findings', 'id', 'incidentId', 'note', 'partsLikely', 'priority', 'siteId', 'state'].sort(),
    );
  });

  it('none: a word on stderr, nothing on stdout', async () => {
    const r = await cli.run('dispatch', 'list', '--state', 'closed');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'no dispatches match\n' });
  });
});

describe('dispatch show', () => {
  it('the work order: findings, what was tried remotely, parts', async () => {
    const r = await cli.run('dispatch', 'show', 'dsp-1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('DSP-000001  P2  open\nasset: RUH/egate-05\nsite: RUH\nincident: INC-000019\n');
    expect(r.stdout).toContain('findings\n  door-failed: gate door mechanism has failed (door motor does not respond)\n');
    expect(r.stdout).toContain('tried remotely\n  reboot: done, not verified\n');
    expect(r.stdout).toContain('parts likely\n  door motor, door controller board\n');
  });

  it('an unknown id is exit 4; a malformed one exit 2 without a request', async () => {
    expect((await cli.run('dispatch', 'show', '404')).code).toBe(4);
    const before = hub.requests.length;
    expect((await cli.run('dispatch', 'show', 'INC-1')).code).toBe(2);
    expect(hub.requests.length).toBe(before);
  });
});

describe('dispatch close', () => {
  it('sends the note and says the incident is resolved', async () => {
    const r = await cli.run('dispatch', 'close', '1', '--note', 'replaced the door motor');
    expect(r.code, r.stderr).toBe(0);
    expect(last().body).toEqual({ note: 'replaced the door motor' });
    expect(r.stdout).toBe('closed DSP-000001; incident INC-000019 resolved\n');
  });

  it('without --note and no terminal: exit 2, never waits', async () => {
    const r = await cli.run('dispatch', 'close', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --note');
  });

  it('asks for the note on a terminal', async () => {
    const tty = fakeCli({ env, tty: true, canPrompt: true, prompter: { select: async () => { throw new Error('no select'); }, input: async () => 'swapped the motor', confirm: async () => { throw new Error('no confirm'); } } });
    try {
      const r = await tty.run('dispatch', 'close', 'DSP-000001');
      expect(r.code, r.stderr).toBe(0);
      expect(last().body).toEqual({ note: 'swapped the motor' });
    } finally {
      tty.cleanup();
    }
  });

  it('forbidden: exit 6 with the hub\'s message', async () => {
    const r = await cli.run('dispatch', 'close', '2', '--note', 'x');
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('closing a dispatch needs the supervisor role');
  });
});

describe('normalizeDispatchId', () => {
  it('DSP-000001, dsp-1 and 1 are the same', () => {
    expect(['DSP-000001', 'dsp-1', '1', ' 0001 '].map(normalizeDispatchId)).toEqual(Array(4).fill('DSP-000001'));
  });
});

describe('kpi remote', () => {
  it('piped: label and value per line; the hub picks the default window', async () => {
    const r = await cli.run('kpi', 'remote');
    expect(last().url).toBe('/v1/kpi/remote');
    expect(r.stdout).toBe(
      [
        'since\t2025-02-28T06:30:00.000Z',
        'until\t2025-03-01T06:30:00.000Z',
        'device incidents\t40',
        'fixed remotely\t37',
        'mitigated remotely\t1',
        'dispatched\t2',
        'remote resolution\t95.0% (goal ≥ 95%)',
        'median time to fix\t4.2 s',
        'p95 time to verdict\t1.6 min',
        '',
      ].join('\n'),
    );
  });

  it('--since 2h is sent as a time two hours before the clock; --json is the KPI object', async () => {
    const r = await cli.run('kpi', 'remote', '--since', '2h', '--json');
    expect(last().url).toBe('/v1/kpi/remote?since=2025-03-01T04%3A30%3A00.000Z');
    expect(JSON.parse(r.stdout)).toEqual(KPI);
  });

  it('a bad --since is exit 2 before any request', async () => {
    const before = hub.requests.length;
    expect((await cli.run('kpi', 'remote', '--since', 'yesterday')).code).toBe(2);
    expect(hub.requests.length).toBe(before);
  });
});
