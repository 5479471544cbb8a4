// A client of the real hub's event stream that never reads is cut off once
// what waits for it passes the bound: the hub logs who and why (never the
// token), counts one stream fewer, and the clients that read go on.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let serial = 0;
/** A hundred new alerts with long summaries: about half a megabyte of events. */
const burst = () =>
  JSON.stringify({
    version: '4',
    alerts: Array.from({ length: 100 }, () => ({
      status: 'firing',
      labels: { alertname: 'Burst', site: 'JED', severity: 'warning' },
      annotations: { summary: `burst ${++serial} ${'x'.repeat(4_000)}` },
      fingerprint: `burst-${serial}`,
    })),
  });

const sseClients = async () => Number(/^watchfloor_sse_clients (\d+)/m.exec((await rawRequest(`${hub.url}/metrics`)).text)?.[1]);

describe('a client of the event stream that never reads', () => {
  it('is cut off with a logged reason naming the token, not its secret; a reader goes on', async () => {
    const wall = await hub.clientAs('viewer', 'lobby wall screen');
    const { port } = new URL(hub.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      socket.write(`GET /v1/events?token=${wall.secret} HTTP/1.1\r\nHost: hub\r\n\r\n`);
      socket.pause();
    });
    const reader = await hub.clientAs('viewer', 'duty officer screen');
    const intake = await hub.clientAs('intake', 'alertmanager');
    const seen: HubEvent[] = [];
    const controller = new AbortController();
    const following = reader.events({ signal: controller.signal, onEvent: (e) => seen.push(e) });
    try {
      await waitUntil(async () => (await sseClients()) === 2, { what: 'both streams to open', timeoutMs: 5_000 });
      const cutOff = () => hub.logs.find((l) => l.startsWith('event stream cut off:'));
      await waitUntil(
        async () => {
          const res = await rawRequest(`${hub.url}/v1/ingest/alertmanager`, { method: 'POST', token: intake.secret, body: burst() });
          expect(res.status).toBe(200);
          return cutOff();
        },
        { what: 'the non-reader to be cut off', timeoutMs: 20_000, intervalMs: 0 },
      );
      expect(cutOff()).toMatch(/^event stream cut off: lobby wall screen from 127\.0\.0\.1 is not reading \(\d+ KiB waited for it, over the 1024 KiB bound\); it may resume after event \d+$/);
      expect(hub.logs.join('\n')).not.toContain(wall.secret);
      await waitUntil(async () => (await sseClients()) === 1, { what: 'the hub to count one stream', timeoutMs: 5_000 });
      const last = serial;
      await waitUntil(() => seen.some((e) => e.type === 'incident.created' && String((e.data as { title?: string }).title).startsWith(`burst ${last} `)), {
        what: 'the reader to get the last burst',
        timeoutMs: 10_000,
      });
    } finally {
      controller.abort();
      await following.catch(() => undefined);
      socket.destroy();
    }
  });
});
