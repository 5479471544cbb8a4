// POST /api/v2/alerts has two ways in: the fast path ahead of fastify's
// routing (real HTTP) and fastify's route (what app.inject reaches). For good
// bodies and bad ones, with good tokens and bad, both must answer the same —
// status, body, the headers a sender reads — and a refused body must store
// nothing. A hook on fastify's requests tells which way each one went.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/hub/app.js';
import { SYSTEM } from '../../src/hub/caller.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { issueToken } from '../../src/hub/tokens/tokens.js';
import { journalApplied } from './hub-fixture.js';

let dir = '';
let store: Store;
let events: HubEvents;
let app: FastifyInstance;
let url = '';
const tokens: Record<'intake' | 'admin', string> = { intake: '', admin: '' };
/** Requests for the path that fastify saw (the fast path's own never reach it). */
let throughFastify = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-fast-intake-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  events = await openHubEvents(store);
  const at = new Date().toISOString();
  tokens.admin = (await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'root', role: 'admin' }, at))).secret;
  tokens.intake = (await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'prometheus', role: 'intake' }, at))).secret;
  const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
  app = buildApp({ store, bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: () => {}, version: 'test', startedAt: new Date() });
  app.addHook('onRequest', async (request) => {
    if (request.url === '/api/v2/alerts') throughFastify++;
  });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await events?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  body: string;
  token?: 'intake' | 'admin' | 'unknown';
  contentType?: string;
}

const headersOf = ({ token, contentType }: Sent): Record<string, string> => ({
  ...(token ? { authorization: `Bearer ${token === 'unknown' ? 'wf_not_a_token' : tokens[token]}` } : {}),
  'content-type': contentType ?? 'application/json',
});

// What a sender reads of an answer.
const READ_HEADERS = ['content-type', 'content-length', 'retry-after', 'x-watchfloor-token-expires'];
const pick = (headers: Record<string, string | undefined>) => Object.fromEntries(READ_HEADERS.map((h) => [h, headers[h] ?? null]));

async function overHttp(sent: Sent) {
  const res = await fetch(`${url}/api/v2/alerts`, { method: 'POST', headers: headersOf(sent), body: sent.body, signal: AbortSignal.timeout(10_000) });
  return { status: res.status, headers: pick(Object.fromEntries(res.headers)), text: await res.text() };
}

async function throughRoute(sent: Sent) {
  const res = await app.inject({ method: 'POST', url: '/api/v2/alerts', headers: headersOf(sent), payload: sent.body });
  return { status: res.statusCode, headers: pick(res.headers as Record<string, string>), text: res.body };
}

let serial = 0;
const alert = (extra: Record<string, unknown> = {}) => ({ labels: { alertname: 'FastPath', n: String(++serial) }, annotations: { summary: 'fast path' }, ...extra });
const stored = async () => ({ incidents: (await store.listIncidents({ limit: 10_000 })).length, audit: (await store.listAudit({ limit: 10_000 })).length });

describe('POST /api/v2/alerts ahead of fastify and through its route', () => {
  it('answers a good body alike (200, empty), takes it without fastify, and both open their incidents', async () => {
    const before = (await stored()).incidents;
    const seen = throughFastify;
    const fast = await overHttp({ body: JSON.stringify([alert(), alert()]), token: 'intake' });
    expect(throughFastify).toBe(seen);
    const routed = await throughRoute({ body: JSON.stringify([alert(), alert()]), token: 'intake' });
    expect(throughFastify).toBe(seen + 1);
    expect(fast).toEqual(routed);
    expect(fast).toMatchObject({ status: 200, text: '' });
    expect(await overHttp({ body: '[]', token: 'intake', contentType: 'application/json; charset=utf-8' })).toEqual(await throughRoute({ body: '[]', token: 'intake' }));
    await journalApplied(url);
    expect((await stored()).incidents).toBe(before + 4);
  });

  const refused: [string, Sent, number][] = [
    ['an alert without labels', { body: JSON.stringify([{ annotations: { summary: 'x' } }]), token: 'intake' }, 400],
    ['labels all empty', { body: JSON.stringify([{ labels: { alertname: '' } }]), token: 'intake' }, 400],
    ['an end before its start', { body: JSON.stringify([alert({ startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' })]), token: 'intake' }, 400],
    ['not an array', { body: JSON.stringify({ alerts: [alert()] }), token: 'intake' }, 400],
    ['malformed JSON', { body: '[{"labels":', token: 'intake' }, 400],
    ['an empty body', { body: '', token: 'intake' }, 400],
    ['a poisoned prototype', { body: '[{"labels":{"a":"b"},"__proto__":{"admin":true}}]', token: 'intake' }, 400],
    ['no token', { body: JSON.stringify([alert()]) }, 401],
    ['an unknown token', { body: JSON.stringify([alert()]), token: 'unknown' }, 401],
    ['a person\'s token', { body: JSON.stringify([alert()]), token: 'admin' }, 403],
    ['a body that is not JSON', { body: 'alertname=GateDown', token: 'intake', contentType: 'text/plain' }, 400],
  ];
  it.each(refused)('refuses %s alike, in one line, and stores nothing', async (_what, sent, status) => {
    const before = await stored();
    const fast = await overHttp(sent);
    const routed = await throughRoute(sent);
    expect(fast).toEqual(routed);
    expect(fast.status).toBe(status);
    const { error } = JSON.parse(fast.text) as { error: { message: string } };
    expect(error.message).not.toContain('\n');
    await journalApplied(url);
    expect(await stored()).toEqual(before);
  });

  it('counts each request once in /metrics, by its answer, whichever way it went', async () => {
    const count = async (status: number) => {
      const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
      const line = text.split('\n').find((l) => l.startsWith('watchfloor_http_requests_total{') && l.includes('route="/api/v2/alerts"') && l.includes(`status="${status}"`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const before = { ok: await count(200), bad: await count(400), unknown: await count(401) };
    await overHttp({ body: JSON.stringify([alert()]), token: 'intake' }); // the fast path's own answer
    await overHttp({ body: '[{"labels":', token: 'intake' }); // read here, answered by fastify
    await overHttp({ body: JSON.stringify([alert()]), token: 'unknown' }); // refused before the body is read
    expect({ ok: await count(200), bad: await count(400), unknown: await count(401) }).toEqual({ ok: before.ok + 1, bad: before.bad + 1, unknown: before.unknown + 1 });
    await journalApplied(url);
  });
});
