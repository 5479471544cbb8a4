// Acks while everyone watches: a client of the event stream that never reads
// holds back no ack and no other client, and every client that reads gets
// every event, in order, with its id, and resumes by Last-Event-ID without a
// gap. How fast is bench/fanout.mjs's question; this is whether.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { HubEvent } from '../../src/core/model.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;

beforeAll(async () => {
  hub = await startFixtureHub();
});

afterAll(async () => {
  await hub?.stop();
});

const sseClients = async () => Number(/^watchfloor_sse_clients (\d+)/m.exec((await rawRequest(`${hub.url}/metrics`)).text)?.[1]);

/** A stream client that asks for the events and then never reads a byte. */
function stalledClient(secret: string): Socket {
  const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
  socket.on('error', () => undefined);
  socket.once('connect', () => {
    socket.write(`GET /v1/events HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${secret}\r\n\r\n`);
    socket.pause();
  });
  return socket;
}

/** Follows the stream from `since` (sent as Last-Event-ID), collecting every event. */
function follow(client: CoreClient, since?: number) {
  const seen: HubEvent[] = [];
  const controller = new AbortController();
  const done = client.events({ signal: controller.signal, since, onEvent: (e) => seen.push(e) });
  return {
    seen,
    async stop() {
      controller.abort();
      return done.catch(() => undefined);
    },
  };
}

const ackedIds = (events: HubEvent[]) =>
  events.filter((e) => e.type === 'incident.updated' && (e.data as { state?: string }).state === 'acknowledged').map((e) => (e.data as { id: string }).id);

describe('acks while every client watches', () => {
  it('a client that never reads delays no ack; readers get every event in id order, and resume by Last-Event-ID without a gap', async () => {
    const officer = await hub.clientAs('officer', 'duty officer');
    const wall = await hub.clientAs('viewer', 'stuck wall screen');
    const readers = [await hub.clientAs('viewer', 'screen one'), await hub.clientAs('viewer', 'screen two')];
    const stalled = stalledClient(wall.secret);
    const first = follow(readers[0]!);
    const second = follow(readers[1]!);
    try {
      await waitUntil(async () => (await sseClients()) === 3, { what: 'the three streams to open', timeoutMs: 5_000 });
      const opened: string[] = [];
      // Long titles, so what waits for the stalled client is not nothing.
      for (let i = 0; i < 40; i++) opened.push((await officer.createIncident({ title: `fan-out ${i} ${'x'.repeat(280)}`, severity: 'sev4' })).incident.id);
      // Several acks in flight at once, as from many officers: each answers, none waits on the stalled client.
      const answers = await Promise.all(opened.map((id) => officer.ack(id)));
      expect(answers.map((a) => [a.incident.id, a.incident.state, a.changed])).toEqual(opened.map((id) => [id, 'acknowledged', true]));

      for (const reader of [first, second]) {
        await waitUntil(() => ackedIds(reader.seen).length === opened.length, { what: 'a reader to get every ack', timeoutMs: 10_000 });
        // Every event since the stream opened, each once, in id order: no gap, no double.
        const ids = reader.seen.map((e) => e.id);
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0]! + i));
        expect(new Set(ackedIds(reader.seen))).toEqual(new Set(opened));
      }
      // The hub's own count of publishes handed to every stream (its /metrics) covers at least the acks'.
      const handed = Number(/^watchfloor_event_fanout_seconds_count (\d+)/m.exec((await rawRequest(`${hub.url}/metrics`)).text)?.[1]);
      expect(handed).toBeGreaterThanOrEqual(1);
      // The first screen drops mid-way and comes back with the id it last saw.
      await first.stop();
      const resumeAfter = first.seen[Math.floor(first.seen.length / 2)]!.id;
      const resumed = follow(readers[0]!, resumeAfter);
      try {
        const late = (await officer.createIncident({ title: 'after the reconnect', severity: 'sev4' })).incident.id;
        await officer.ack(late);
        await waitUntil(() => ackedIds(resumed.seen).includes(late), { what: 'the resumed stream to get the new ack', timeoutMs: 10_000 });
        const ids = resumed.seen.map((e) => e.id);
        expect(ids[0]).toBe(resumeAfter + 1);
        expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => resumeAfter + 1 + i));
        // What it missed while away matches what the other screen saw, event for event.
        const others = second.seen.filter((e) => e.id > resumeAfter && e.id <= ids.at(-1)!);
        expect(resumed.seen.slice(0, others.length)).toEqual(others);
      } finally {
        await resumed.stop();
      }
    } finally {
      await first.stop();
      await second.stop();
      stalled.destroy();
    }
  });
});
