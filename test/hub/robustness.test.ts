// Bad input never hurts the hub: it answers with the error body and keeps
// serving, and what it stored before is intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let incidentId = '';
let intakeToken = '';

beforeAll(async () => {
  hub = await startFixtureHub();
  const intake = await hub.clientAs('intake', 'alertmanager');
  intakeToken = intake.secret;
  incidentId = (await intake.ingestAlertmanager(fixture('alertmanager-v4-firing.json'))).created[0]!;
});

afterAll(async () => {
  await hub?.stop();
});

// The intake routes take an intake token; every other route a person's.
const post = (path: string, body: string, contentType?: string) =>
  rawRequest(`${hub.url}${path}`, { method: 'POST', token: path.startsWith('/v1/ingest/') ? intakeToken : hub.adminToken!, body, contentType });

describe('bad requests', () => {
  it('malformed JSON is 400 with the error body', async () => {
    const res = await post('/v1/incidents', '{"title": "Gate down", "severity": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: expect.objectContaining({ code: 'usage', message: expect.any(String) }) });
  });

  it('a 2 MiB body is 413 payload_too_large', async () => {
    const big = JSON.stringify({ version: '4', alerts: [], padding: 'x'.repeat(2 * 1024 * 1024) });
    const res = await post('/v1/ingest/alertmanager', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('an unknown field is 400 naming it', async () => {
    const res = await post(`/v1/incidents/${incidentId}/ack`, JSON.stringify({ force: true }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'usage', message: expect.stringContaining('force') });
  });

  it('an unknown query parameter and a bad enum are 400', async () => {
    expect((await rawRequest(`${hub.url}/v1/incidents?colour=red`, { token: hub.adminToken! })).status).toBe(400);
    expect((await rawRequest(`${hub.url}/v1/incidents?state=sleeping`, { token: hub.adminToken! })).status).toBe(400);
  });

  it('a wrong content type is 400, an unknown route 404, both with the error body', async () => {
    const wrongType = await post('/v1/incidents', 'title=x', 'application/x-www-form-urlencoded');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.code).toBe('usage');
    const missing = await rawRequest(`${hub.url}/v1/nothing-here`, { token: hub.adminToken! });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('afterwards the hub still serves and the stored incident is intact', async () => {
    const { incident, timeline } = await hub.admin.getIncident(incidentId);
    expect(incident).toMatchObject({ state: 'triggered', severity: 'sev2', version: 1 });
    expect(timeline).toHaveLength(1);
    expect((await hub.admin.listIncidents()).map((i) => i.id)).toEqual([incidentId]);
    expect((await hub.admin.verifyAudit()).ok).toBe(true);
  });
});

describe('metrics', () => {
  it('exposes the expected metric names without a token', async () => {
    const res = await rawRequest(`${hub.url}/metrics`);
    expect(res.status).toBe(200);
    for (const name of [
      'watchfloor_http_requests_total',
      'watchfloor_http_request_duration_seconds_bucket',
      'watchfloor_open_incidents',
      'watchfloor_sse_clients',
      'watchfloor_alerts_ingested_total',
    ]) {
      expect(res.text).toContain(name);
    }
    expect(res.text).toMatch(/watchfloor_open_incidents\{severity="sev2"\} 1/);
    expect(res.text).toMatch(/watchfloor_alerts_ingested_total\{outcome="created"\} 1/);
    expect(res.text).toMatch(/watchfloor_http_requests_total\{method="GET",route="\/v1\/incidents\/:id",status="200"\} \d+/);
  });
});
