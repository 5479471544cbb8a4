// Times that arrive from outside — `since` in a query, a site's telemetry
// `at` — are read by the one rule in core/time-input.ts: what it refuses is a
// 400 naming the allowed range, what it takes is stored and compared in the
// stored ISO form, and nothing already stored is lost either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../src/core/model.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let intakeToken = '';
const get = (path: string) => rawRequest(`${hub.url}${path}`, { token: hub.adminToken! });
const postTelemetry = (sites: unknown[]) =>
  rawRequest(`${hub.url}/v1/ingest/telemetry`, { method: 'POST', token: intakeToken, body: JSON.stringify({ sites }) });

const report = (at: string, waitMinutes = 12): SiteTelemetry => ({
  siteId: 'RUH',
  at,
  arrivalsPerHour: 600,
  queueLength: 40,
  waitMinutes,
  egatesInService: 1,
  countersOpen: 2,
});

beforeAll(async () => {
  hub = await startFixtureHub();
  intakeToken = (await hub.clientAs('intake', 'site-feed')).secret;
  await hub.admin.createIncident({ title: 'Gate down', severity: 'sev2', siteId: 'RUH' }); // an audit entry of today
});

afterAll(async () => {
  await hub?.stop();
});

describe('since in a query', () => {
  it('a span past the Date range is 400 naming the allowed range, not a 500', async () => {
    for (const since of ['99999999999d', '99999999999999999999d', '3651d']) {
      const res = await get(`/v1/kpi/remote?since=${since}`);
      expect(res.status, since).toBe(400);
      expect(res.body.error.code).toBe('usage');
      expect(res.body.error.message).toContain('up to 3650d');
      expect(res.body.error.message).toContain('1970-01-01 to 9999-12-31');
    }
  });

  it('kpi takes the same spans and times the CLI does, seconds included', async () => {
    expect((await get('/v1/kpi/remote?since=90s')).status).toBe(200);
    const res = await get('/v1/kpi/remote?since=2025-03-01T09:00:00%2B03:00');
    expect(res.status).toBe(200);
    expect(res.body.since).toBe('2025-03-01T06:00:00.000Z');
  });

  it('an audit time outside the four-digit years is 400, not every entry compared as a string', async () => {
    for (const since of ['+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2025-02-31T00:00:00Z', 'tomorrow']) {
      const res = await get(`/v1/audit?since=${encodeURIComponent(since)}`);
      expect(res.status, since).toBe(400);
      expect(res.body.error.message).toContain('1970-01-01 to 9999-12-31');
    }
  });

  it('an audit time is compared as a time: one after every entry finds none, one before finds them', async () => {
    expect((await get('/v1/audit?since=9999-12-31T00:00:00Z')).body.entries).toEqual([]);
    // An hour from now, written at -12:00: as a string it sorts before today's entries, as a time after them.
    const local = new Date(Date.now() + 3_600_000 - 12 * 3_600_000).toISOString().slice(0, 19);
    const later = await get(`/v1/audit?since=${encodeURIComponent(`${local}-12:00`)}`);
    expect(later.status).toBe(200);
    expect(later.body.entries).toEqual([]);
    const all = await get(`/v1/audit?since=${encodeURIComponent('2000-01-01T03:00:00+03:00')}`);
    expect(all.body.entries.length).toBeGreaterThan(0);
  });

  it('a sequence number past the safe integers is 400', async () => {
    expect((await get('/v1/audit?since=99999999999999999999')).status).toBe(400);
    expect((await get('/v1/audit?since=0')).status).toBe(200);
  });
});

describe('telemetry at', () => {
  it('"not-a-date", a date-time without a zone and a six-digit year are 400, and the batch stores nothing', async () => {
    for (const at of ['not-a-date', '2026-03-01T06:00:00', '+275760-09-13T00:00:00Z', '2026-02-30T00:00:00Z']) {
      const res = await postTelemetry([report('2026-03-01T06:00:00Z'), { ...report(at), siteId: 'JED' }]);
      expect(res.status, at).toBe(400);
      expect(res.body.error.message).toContain('at');
    }
    const ruh = await hub.admin.getSite('RUH');
    expect(ruh.status.reportedAt).toBeNull();
  });

  it('a time with an offset is stored, and reported back, in the ISO form', async () => {
    expect((await postTelemetry([report('2026-03-01T09:00:00+03:00')])).status).toBe(200);
    const ruh = await hub.admin.getSite('RUH');
    expect(ruh.status.reportedAt).toBe('2026-03-01T06:00:00.000Z');
  });
});
