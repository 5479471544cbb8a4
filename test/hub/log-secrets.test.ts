// The hub's log never holds a secret. A request that fails inside the hub is
// logged with its URL and the error's stack; the event stream takes its token
// in the query (EventSource cannot send headers), and errors can quote URLs
// with passwords or headers. A real hub on 127.0.0.1 whose clock breaks on
// demand makes the 5xx path happen where the token is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

const DEVICE_PASSWORD = 'device-pass-77';
const COOKIE = 'session=cookie-value-42';
let hub: FixtureHub;
let breakClock: Error | undefined;

beforeAll(async () => {
  hub = await startFixtureHub({
    now: () => {
      const e = breakClock;
      breakClock = undefined;
      if (e) throw e;
      return new Date();
    },
  });
});
afterAll(async () => {
  await hub?.stop();
});

describe('a 5xx on GET /v1/events?token=…', () => {
  it('answers 500 and logs the failure without the token, a URL password, or a credential header', async () => {
    const viewer = await hub.clientAs('viewer', 'wall-screen');
    breakClock = new Error(`clock read failed near http://ops:${DEVICE_PASSWORD}@10.0.0.9/mgmt with authorization: Bearer ${viewer.secret} and cookie: ${COOKIE}`);
    const failed = await rawRequest(`${hub.url}/v1/events?since=0&token=${encodeURIComponent(viewer.secret)}&access_token=${encodeURIComponent(viewer.secret)}`);
    expect(failed.status).toBe(500);

    const line = hub.logs.find((l) => l.startsWith('error: GET /v1/events'));
    expect(line, hub.logs.join('\n')).toBeDefined();
    // Still useful: which route, which query parameters, what failed.
    expect(line).toContain('since=0');
    expect(line).toContain('token=****');
    expect(line).toContain('clock read failed');
    expect(line).toContain('http://ops:****@10.0.0.9/mgmt');
    const all = hub.logs.join('\n');
    expect(all).not.toContain(viewer.secret);
    expect(all).not.toContain(encodeURIComponent(viewer.secret));
    expect(all).not.toContain(DEVICE_PASSWORD);
    expect(all).not.toContain('cookie-value-42');
  });
});
