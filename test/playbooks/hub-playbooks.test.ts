// A real hub with the built-in playbooks and an operator's directory beside
// them: what it logs at start, what it lists and shows, the playbooks it
// proposes for an incident opened through the real alert intake (its detail,
// its own route, the playbook.proposed event), and files checked over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ForbiddenError, NotFoundError } from '../../src/core/errors.js';
import type { HubEvent, PlaybookProposedEvent } from '../../src/core/model.js';
import { fixture, rawRequest, startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { waitUntil } from '../helpers/wait-until.js';
import { minimalPlaybook, playbookDir, type PlaybookDir } from './playbook-text.js';

let hub: FixtureHub;
let dir: PlaybookDir;
let viewer: CoreClient & { secret: string };
let officer: CoreClient;
let intake: CoreClient & { secret: string };

// An operator's playbook for the tiny fleet's land port, and one that fails to load.
const LAND_COUNTERS = minimalPlaybook('land-counter', '').replace('asset.kind: egate, severity: [sev2, sev3]', 'site.kind: land');

beforeAll(async () => {
  dir = playbookDir();
  dir.write('land-counter.yaml', LAND_COUNTERS);
  dir.write('broken.yaml', minimalPlaybook('broken', '    timeout: 30x\n    retries: { count: 0, delay: 1m }\n'));
  dir.write('egate.yaml', minimalPlaybook('egate-bank-failure'));
  hub = await startFixtureHub({ playbooksDir: dir.dir });
  viewer = await hub.clientAs('viewer', 'wall');
  officer = await hub.clientAs('officer', 'aisha');
  intake = await hub.clientAs('intake', 'alertmanager');
});

afterAll(async () => {
  await hub?.stop();
  dir?.remove();
});

describe('at start', () => {
  it('logs one line per file that did not load, each replaced built-in, and what loaded', () => {
    const playbookLines = hub.logs.filter((l) => l.includes('playbook'));
    expect(playbookLines).toEqual([
      `playbook file not loaded: ${dir.dir}/broken.yaml:13: steps[0].timeout: a duration like 30s, 5m, 2h or 1d (and 1 more: \`watchfloor playbook validate ${dir.dir}/broken.yaml\` lists them)`,
      `playbook egate-bank-failure: the operator's ${dir.dir}/egate.yaml replaces the built-in`,
      `playbooks: 6 built-in, 2 from ${dir.dir}, 1 file not loaded`,
    ]);
  });

  it('refuses to start on an operator directory that is not there', async () => {
    await expect(startFixtureHub({ playbooksDir: `${dir.dir}/missing` })).rejects.toThrow(/playbooks directory .*missing: it does not exist/);
  });
});

describe('listing and showing (a viewer may)', () => {
  it('lists the built-ins and the operator’s, with where each came from', async () => {
    const list = await viewer.listPlaybooks();
    expect(list.map((p) => p.id)).toEqual([
      'egate-bank-failure',
      'hajj-umrah-surge',
      'land-counter',
      'land-link-failover',
      'national-platform-outage',
      'network-intrusion',
      'sea-port-power-failure',
      'terminal-evacuation',
    ]);
    expect(list.find((p) => p.id === 'egate-bank-failure')).toMatchObject({ source: `${dir.dir}/egate.yaml`, title: { en: 'Gate check' } });
    expect(list.find((p) => p.id === 'network-intrusion')).toMatchObject({
      source: 'built-in',
      version: 1,
      severity: 'sev1',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      drillOnlySteps: 1,
      title: { ar: expect.stringMatching(/[\u0600-\u06ff]/) },
    });
    expect(list.every((p) => !('definition' in p))).toBe(true);
  });

  it('shows one whole; an unknown id is 404 with the nearest ids', async () => {
    const detail = await viewer.getPlaybook('national-platform-outage');
    expect(detail.definition.steps.map((s) => s.id)).toContain('fleet-offline');
    expect(detail.steps).toBe(detail.definition.steps.length);
    const missing = await viewer.getPlaybook('national-platform-outge').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).details).toEqual({ suggestions: ['national-platform-outage'] });
  });

  it('an intake token may not read them', async () => {
    await expect(intake.listPlaybooks()).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('proposals', () => {
  it('an alert through the real intake opens an incident that proposes the matching playbooks, on the event stream too', async () => {
    const [incidentId] = (await intake.ingestAlertmanager(fixture('alertmanager-v4-firing.json') as never)).created;
    expect(incidentId).toBeDefined();
    const detail = await viewer.getIncident(incidentId!);
    // RUH/egate-07, sev2 at an airport: the operator's egate-bank-failure (asset.kind egate, severity sev2|sev3).
    expect(detail.playbooks).toEqual([
      expect.objectContaining({ playbook: expect.objectContaining({ id: 'egate-bank-failure', source: `${dir.dir}/egate.yaml` }), trigger: { index: 0, match: { 'asset.kind': 'egate', severity: ['sev2', 'sev3'] } } }),
    ]);
    expect(await viewer.incidentPlaybooks(incidentId!)).toEqual(detail.playbooks);

    const events: HubEvent[] = [];
    const stop = new AbortController();
    const following = viewer.events({ since: 0, signal: stop.signal, onEvent: (e) => void events.push(e) }).catch(() => undefined);
    const proposed = await waitUntil(() => events.find((e) => e.type === 'playbook.proposed'), { what: 'a playbook.proposed event', timeoutMs: 10_000 });
    stop.abort();
    await following;
    expect(proposed.data).toEqual({
      incidentId: incidentId!,
      siteId: 'RUH',
      playbookId: 'egate-bank-failure',
      version: 1,
      hash: (await viewer.getPlaybook('egate-bank-failure')).hash,
      auto: false,
      trigger: { index: 0, match: { 'asset.kind': 'egate', severity: ['sev2', 'sev3'] } },
    } satisfies PlaybookProposedEvent);
    // The incident's own event first: a follower sees what a proposal is about before the proposal.
    const created = events.findIndex((e) => e.type === 'incident.created' && (e.data as { id: string }).id === incidentId);
    expect(created).toBeGreaterThanOrEqual(0);
    expect(created).toBeLessThan(events.indexOf(proposed));
  });

  it('an incident opened by hand proposes too; one that matches nothing proposes nothing', async () => {
    const land = await officer.createIncident({ title: 'lane 3 printer', severity: 'sev4', siteId: 'LND-BATHA' });
    expect((await viewer.getIncident(land.incident.id)).playbooks?.map((p) => p.playbook.id)).toEqual(['land-counter']);
    const jed = await officer.createIncident({ title: 'noise', severity: 'sev4', siteId: 'JED' });
    expect((await viewer.getIncident(jed.incident.id)).playbooks).toEqual([]);
  });

  it('an unknown incident is 404', async () => {
    await expect(viewer.incidentPlaybooks('INC-999999')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('POST /v1/playbooks/validate', () => {
  it('checks a file by the loader’s rules and keeps nothing', async () => {
    const bad = await viewer.validatePlaybook(minimalPlaybook('new-one', '    timeout: 30x\n'), 'new-one.yaml');
    expect(bad).toEqual({ playbooks: [], errors: [{ file: 'new-one.yaml', line: 13, field: 'steps[0].timeout', message: 'a duration like 30s, 5m, 2h or 1d' }] });
    const good = await viewer.validatePlaybook(minimalPlaybook('new-one'));
    expect(good).toEqual({ playbooks: [{ file: 'playbook.yaml', id: 'new-one', version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }], errors: [] });
    expect((await viewer.listPlaybooks()).map((p) => p.id)).not.toContain('new-one');
  });

  it('reads a JSON body as the YAML it also is', async () => {
    const res = await rawRequest(`${hub.url}/v1/playbooks/validate`, { method: 'POST', token: viewer.secret, body: JSON.stringify({ id: 'x' }) });
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['version', 'title', 'description', 'severity', 'steps']);
  });

  it('a body of another media type is 400 with a hint that names the ones it takes', async () => {
    const res = await rawRequest(`${hub.url}/v1/playbooks/validate`, { method: 'POST', token: viewer.secret, contentType: 'application/xml', body: '<id>x</id>' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'usage', message: 'a playbook is sent as YAML (or JSON), not application/xml' });
    expect(res.body.error.hint).toContain('content-type application/yaml');
  });

  it('a body larger than any playbook is 413; no token is 401', async () => {
    const huge = await rawRequest(`${hub.url}/v1/playbooks/validate`, { method: 'POST', token: viewer.secret, contentType: 'application/yaml', body: `# ${'x'.repeat(300 * 1024)}` });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const anonymous = await rawRequest(`${hub.url}/v1/playbooks/validate`, { method: 'POST', contentType: 'application/yaml', body: 'id: x' });
    expect(anonymous.status).toBe(401);
  });
});
