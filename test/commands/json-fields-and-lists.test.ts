// Issue 13, item 5: `--json FIELDS` as gh has it, `--limit` and `--state all`.
// Found as a new user: `--json id,title,state` was "too many arguments";
// `--state all` was not a choice; `--limit` an unknown option.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_FIELDS } from '../../src/render/json.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { FLEET, INCIDENTS, SITES } from './fixtures.js';

let cli: FakeCli;
let hub: StubHub;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/incidents?state=open&children=false', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/incidents?limit=1&children=false', body: { incidents: INCIDENTS.slice(0, 1) } },
    { method: 'GET', path: '/v1/incidents/INC-000042', body: { incident: INCIDENTS[0], timeline: [] } },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/status', body: FLEET },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
});

afterAll(async () => {
  await hub.close();
  cli.cleanup();
});

describe('--json FIELDS', () => {
  it('selects fields of each record, in the document’s shape', async () => {
    const r = await cli.run('incidents', 'list', '--json', 'id,title,state');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      incidents: INCIDENTS.map((i) => ({ id: i.id, title: i.title, state: i.state })),
    });
  });

  it('takes --json=FIELDS and works as a global flag before the command', async () => {
    const a = await cli.run('--json=id,severity', 'inc', 'view', '42');
    expect(JSON.parse(a.stdout)).toMatchObject({ incident: { id: 'INC-000042', severity: 'sev2' } });
    expect(Object.keys(JSON.parse(a.stdout).incident)).toEqual(['id', 'severity']);
    const b = await cli.run('--json', 'id,name', 'sites', 'list');
    expect(JSON.parse(b.stdout).sites[0]).toEqual({ id: 'RUH', name: SITES[0]!.name });
  });

  it('a bare --json keeps the whole document, and a word after it stays the command’s', async () => {
    const whole = await cli.run('--json', 'incidents', 'list');
    expect(whole.code).toBe(0);
    // Every published field the hub sent (a field newer than the hub's answer, such as drillRunId, is left out, not null).
    expect(Object.keys(JSON.parse(whole.stdout).incidents[0])).toEqual(INCIDENT_FIELDS.filter((f) => f in INCIDENTS[0]!));
    const shown = await cli.run('incidents', 'show', '--json', '42');
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).incident.id).toBe('INC-000042');
  });

  it('an unknown field is exit 2 listing the valid ones, before the hub is asked', async () => {
    const before = hub.requests.length;
    const r = await cli.run('incidents', 'list', '--json=id,colour');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error).toEqual({
      code: 'usage',
      message: 'unknown --json field: colour',
      hint: `valid fields: ${INCIDENT_FIELDS.join(', ')}`,
    });
    expect(hub.requests.length).toBe(before);
  });

  it('a verb without records to select from says so', async () => {
    const r = await cli.run('config', 'list', '--json=id');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.message).toBe('`watchfloor config list` takes no --json fields');
  });

  it('status --json FIELDS selects the sites’ fields and keeps the totals', async () => {
    const r = await cli.run('status', '--json', 'id,health');
    const doc = JSON.parse(r.stdout);
    expect(doc.sites).toHaveLength(FLEET.sites.length);
    for (const site of FLEET.sites) expect(doc.sites).toContainEqual({ id: site.id, health: site.health });
    expect(doc.totals).toEqual(FLEET.totals);
  });
});

describe('incidents list --limit and --state all', () => {
  it('--state all asks for every state and --limit caps it', async () => {
    const r = await cli.run('incidents', 'list', '--state', 'all', '--limit', '1', '--json', 'id');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ incidents: [{ id: 'INC-000042' }] });
    expect(hub.requests.at(-1)?.url).toBe('/v1/incidents?limit=1&children=false');
  });

  it('--limit 0 is a usage error', async () => {
    const r = await cli.run('incidents', 'list', '--limit', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit');
  });
});
