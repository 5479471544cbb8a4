// POST /v1/incidents/:id/ack has two ways in: the fast path ahead of fastify's
// routing (real HTTP) and fastify's route (what app.inject reaches). Each case
// acks two incidents in the same state, one each way: both must answer the
// same — status, body (ids and times aside), the headers a client reads —
// under the same role rules, and a refused ack must change nothing. A hook on
// fastify's requests tells which way each one went.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/core/model.js';
import { buildApp } from '../../src/hub/app.js';
import { SYSTEM, type Caller } from '../../src/hub/caller.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { ackIncident, createIncident } from '../../src/hub/incidents/incident-actions.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { issueToken } from '../../src/hub/tokens/tokens.js';
import { waitUntil } from '../helpers/wait-until.js';

type Who = 'officer' | 'other' | 'viewer' | 'intake' | 'expiring' | 'unknown';

let dir = '';
let store: Store;
let events: HubEvents;
let app: FastifyInstance;
let url = '';
const tokens = {} as Record<Exclude<Who, 'unknown'>, string>;
let other: Caller;
/** Ack requests fastify saw (the fast path's own never reach it). */
let throughFastify = 0;
const published: HubEvent[] = [];
const deps = () => ({ store, relay: events.relay, now: () => new Date() });

interface Sent {
  body: string;
  who?: Who;
  contentType?: string;
  actAs?: string;
  /** The path after the incident's id (default /ack). */
  tail?: string;
}

const headersOf = ({ who, contentType, actAs }: Sent): Record<string, string> => ({
  ...(who ? { authorization: `Bearer ${who === 'unknown' ? 'wf_not_a_token' : tokens[who]}` } : {}),
  ...(actAs ? { 'x-watchfloor-act-as': actAs } : {}),
  'content-type': contentType ?? 'application/json',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-fast-ack-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  events = await openHubEvents(store);
  const at = new Date().toISOString();
  const issue = async (name: string, role: 'officer' | 'viewer' | 'intake', expires?: string) =>
    store.transaction((tx) => issueToken(tx, SYSTEM, { name, role, expires }, at));
  tokens.officer = (await issue('ana', 'officer')).secret;
  const second = await issue('ben', 'officer');
  tokens.other = second.secret;
  other = { actor: { id: second.token.id, name: 'ben', role: 'officer' }, channel: 'api' } as Caller;
  tokens.viewer = (await issue('vic', 'viewer')).secret;
  tokens.intake = (await issue('prometheus', 'intake')).secret;
  tokens.expiring = (await issue('eve', 'officer', '1h')).secret;
  const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
  app = buildApp({ store, bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: () => {}, version: 'test', startedAt: new Date() });
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('/ack')) throughFastify++;
  });
  events.bus.subscribe((e) => published.push(e));
  url = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  // In the reverse order of opening: the server, then the events, then the store under both.
  for (const close of [() => app?.close(), () => events?.close(), () => store?.close()]) await close();
  rmSync(dir, { recursive: true, force: true });
});

// What a client reads of an answer.
const READ_HEADERS = ['content-type', 'x-watchfloor-token-expires'];
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** The answer with the incident's own id and every time masked, and whether its length was declared right. */
function seen(status: number, headers: Record<string, string | undefined>, text: string, id: string) {
  return {
    status,
    headers: Object.fromEntries(READ_HEADERS.map((h) => [h, headers[h]?.replace(ISO, 'T') ?? null])),
    lengthRight: Number(headers['content-length']) === Buffer.byteLength(text),
    text: text.split(id).join('ID').replace(ISO, 'T'),
  };
}

async function overHttp(id: string, sent: Sent) {
  const res = await fetch(`${url}/v1/incidents/${id}${sent.tail ?? '/ack'}`, { method: 'POST', headers: headersOf(sent), body: sent.body, signal: AbortSignal.timeout(10_000) });
  return seen(res.status, Object.fromEntries(res.headers), await res.text(), id);
}

async function throughRoute(id: string, sent: Sent) {
  const res = await app.inject({ method: 'POST', url: `/v1/incidents/${id}${sent.tail ?? '/ack'}`, headers: headersOf(sent), payload: sent.body });
  return seen(res.statusCode, res.headers as Record<string, string>, res.body, id);
}

/** An incident opened by hand, in the state `setup` leaves it. */
async function incident(setup?: (id: string) => Promise<unknown>): Promise<string> {
  const { incident } = await createIncident(deps(), SYSTEM, { title: 'fast ack', severity: 'sev3' });
  await setup?.(incident.id);
  return incident.id;
}
const stateOf = async (id: string) => {
  const i = (await store.getIncident(id))!;
  return { state: i.state, by: i.acknowledgedBy?.name ?? null, timeline: (await store.listTimeline(id)).length };
};

describe('POST /v1/incidents/:id/ack ahead of fastify and through its route', () => {
  it('acks alike (200, the incident acknowledged), without fastify, and publishes the update', async () => {
    const [a, b] = [await incident(), await incident()];
    const seenBefore = throughFastify;
    const fast = await overHttp(a, { body: '{}', who: 'officer' });
    expect(throughFastify).toBe(seenBefore);
    const routed = await throughRoute(b, { body: '{}', who: 'officer' });
    expect(throughFastify).toBe(seenBefore + 1);
    expect(fast).toEqual(routed);
    expect(fast).toMatchObject({ status: 200, lengthRight: true, headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(JSON.parse(fast.text)).toMatchObject({ changed: true, incident: { id: 'ID', state: 'acknowledged', acknowledgedBy: { name: 'ana' } } });
    expect(await stateOf(a)).toEqual(await stateOf(b));
    await waitUntil(() => published.some((e) => e.type === 'incident.updated' && (e.data as { id: string }).id === a), {
      what: "the fast path's ack published as incident.updated",
      timeoutMs: 5_000,
    });
    // Acked again by the same officer: unchanged, alike.
    expect(await overHttp(a, { body: '{}', who: 'officer' })).toEqual(await throughRoute(b, { body: '{}', who: 'officer' }));
  });

  it('tells a token near its expiry alike', async () => {
    const [a, b] = [await incident(), await incident()];
    const fast = await overHttp(a, { body: '{}', who: 'expiring' });
    expect(fast).toEqual(await throughRoute(b, { body: '{}', who: 'expiring' }));
    expect(fast.headers['x-watchfloor-token-expires']).toBe('T');
  });

  it('takes a null body as the route does (no fields), alike', async () => {
    const [a, b] = [await incident(), await incident()];
    const fast = await overHttp(a, { body: 'null', who: 'officer' });
    expect(fast).toEqual(await throughRoute(b, { body: 'null', who: 'officer' }));
    expect(fast.status).toBe(200);
  });

  const refused: [string, Sent, number, ((id: string) => Promise<unknown>)?][] = [
    ['a field the ack does not know', { body: '{"note":"x"}', who: 'officer' }, 400],
    ['a body that is not an object', { body: '[]', who: 'officer' }, 400],
    ['malformed JSON', { body: '{"', who: 'officer' }, 400],
    ['an empty body', { body: '', who: 'officer' }, 400],
    ['a poisoned prototype', { body: '{"__proto__":{"admin":true}}', who: 'officer' }, 400],
    ['a body that is not JSON', { body: 'ack', who: 'officer', contentType: 'text/plain' }, 400],
    ['no token', { body: '{}' }, 401],
    ['an unknown token', { body: '{}', who: 'unknown' }, 401],
    ["a viewer's token", { body: '{}', who: 'viewer' }, 403],
    ['an intake token', { body: '{}', who: 'intake' }, 403],
    ['an officer acting as a viewer', { body: '{}', who: 'officer', actAs: 'viewer' }, 403],
    ['an unknown role to act as', { body: '{}', who: 'officer', actAs: 'king' }, 400],
    ['an incident another officer acknowledged', { body: '{}', who: 'officer' }, 409, (id) => ackIncident(deps(), other, id)],
  ];
  it.each(refused)('refuses %s alike, in one line, and changes nothing', async (_what, sent, status, setup) => {
    const [a, b] = [await incident(setup), await incident(setup)];
    const before = [await stateOf(a), await stateOf(b)];
    const fast = await overHttp(a, sent);
    expect(fast).toEqual(await throughRoute(b, sent));
    expect(fast.status).toBe(status);
    const { error } = JSON.parse(fast.text) as { error: { message: string } };
    expect(error.message).not.toContain('\n');
    expect([await stateOf(a), await stateOf(b)]).toEqual(before);
  });

  it('answers an unknown incident alike (404)', async () => {
    const fast = await overHttp('INC-NOPE-1', { body: '{}', who: 'officer' });
    expect(fast).toEqual(await throughRoute('INC-NOPE-1', { body: '{}', who: 'officer' }));
    expect(fast.status).toBe(404);
  });

  it('leaves to fastify what it would not answer identically: a query, an encoded id', async () => {
    const [a, b] = [await incident(), await incident()];
    const seenBefore = throughFastify;
    const withQuery = await overHttp(a, { body: '{}', who: 'officer', tail: '/ack?x=1' });
    expect(throughFastify).toBe(seenBefore + 1);
    expect(withQuery).toEqual(await throughRoute(b, { body: '{}', who: 'officer', tail: '/ack?x=1' }));
    const encoded = await overHttp(encodeURIComponent('INC NOPE'), { body: '{}', who: 'officer' });
    expect(throughFastify).toBe(seenBefore + 3);
    expect(encoded.status).toBe(404);
  });
});
