// GET /v1/events over real HTTP: delivery, resume, auth, and shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { HubEvent, Incident } from '../../src/core/model.js';
import { fixture, rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';
import { waitUntil } from '../helpers/wait-until.js';

let hub: FixtureHub;
let viewer: CoreClient & { secret: string };

beforeAll(async () => {
  hub = await startFixtureHub();
  viewer = await hub.clientAs('viewer', 'wall');
});

afterAll(async () => {
  await hub?.stop();
});

interface SseConnection {
  /** Resolves with the first event of this type (rejects after `ms`). */
  next(type: string, ms?: number): Promise<HubEvent>;
  close(): void;
}

async function connect(url: string, headers: Record<string, string> = {}): Promise<SseConnection> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: HubEvent[] = [];
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as HubEvent);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    next(type, ms = 5_000) {
      const take = () => {
        const i = events.findIndex((e) => e.type === type);
        return i >= 0 && events.splice(i, 1)[0];
      };
      return waitUntil(take, { what: `a ${type} event`, timeoutMs: ms, intervalMs: 20 });
    },
    close() {
      abort.abort();
      void pump;
    },
  };
}

describe('event stream', () => {
  let lastId = 0;

  it('delivers incident.created after an alert is ingested (token in the query, as EventSource sends it)', async () => {
    const sse = await connect(`${hub.url}/v1/events?token=${encodeURIComponent(viewer.secret)}`);
    try {
      const { created } = await (await hub.clientAs('intake', 'alertmanager')).ingestAlertmanager(fixture('alertmanager-v4-firing.json'));
      const event = await sse.next('incident.created');
      expect((event.data as Incident).id).toBe(created[0]);
      const health = await sse.next('asset.health');
      expect(health.data).toMatchObject({ id: 'RUH/egate-07', health: 'down' });
      lastId = health.id;
    } finally {
      sse.close();
    }
  });

  it('resumes after Last-Event-ID with what was missed', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'Missed while away', severity: 'sev4' });
    const sse = await connect(`${hub.url}/v1/events`, { authorization: `Bearer ${viewer.secret}`, 'last-event-id': String(lastId) });
    try {
      const event = await sse.next('incident.created');
      expect(event.id).toBeGreaterThan(lastId);
      expect((event.data as Incident).id).toBe(incident.id);
    } finally {
      sse.close();
    }
  });

  it('resumes across a hub restart from the outbox: what was missed, under the ids it had', async () => {
    const first = await startFixtureHub();
    const adminToken = first.adminToken!;
    const auth = { authorization: `Bearer ${adminToken}` };
    const sse = await connect(`${first.url}/v1/events`, auth);
    await first.admin.createIncident({ title: 'Seen live', severity: 'sev4' });
    const live = await sse.next('incident.created');
    sse.close();
    const { incident: missed } = await first.admin.createIncident({ title: 'Created while the client was away', severity: 'sev4' });
    await first.closeKeepingData();

    const second = await startFixtureHub({ dir: first.dir, adminToken });
    try {
      const again = await connect(`${second.url}/v1/events`, { ...auth, 'last-event-id': String(live.id) });
      try {
        const replayed = await again.next('incident.created');
        expect(replayed).toMatchObject({ id: live.id + 1, data: { id: missed.id } });
        // New events carry on from the old ids.
        const { incident: after } = await second.admin.createIncident({ title: 'After the restart', severity: 'sev4' });
        const next = await again.next('incident.created');
        expect(next).toMatchObject({ data: { id: after.id } });
        expect(next.id).toBeGreaterThan(replayed.id);
      } finally {
        again.close();
      }
    } finally {
      await second.stop();
    }
  });

  it('refuses a client without a token', async () => {
    const res = await rawRequest(`${hub.url}/v1/events`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('close() does not hang on an open stream, and the subscriber is gone', async () => {
    const other = await startFixtureHub();
    const secret = other.adminToken!;
    const sse = await connect(`${other.url}/v1/events`, { authorization: `Bearer ${secret}` });
    const metrics = await rawRequest(`${other.url}/metrics`);
    expect(metrics.text).toMatch(/watchfloor_sse_clients 1/);
    const closed = await Promise.race([
      other.stop().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('hung'), 5_000)),
    ]);
    sse.close();
    expect(closed).toBe('closed');
  });
});
