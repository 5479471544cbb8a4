// Tokens that can be limited: an optional expiry, refused after it (401,
// naming when), flagged on every answer within a week of it, and ending the
// event streams the token opened. The hub's clock decides: the test moves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { UnauthenticatedError, UsageError } from '../../src/core/errors.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';
import { waitUntil } from '../helpers/wait-until.js';

const DAY = 86_400_000;
let hub: FixtureHub;
// The hub's clock runs with real time, shifted by what a test asks for.
let shift = 0;

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(Date.now() + shift) });
});

afterAll(async () => {
  await hub?.stop();
});

const hubNow = () => Date.now() + shift;

describe('token expiry', () => {
  it('a token created with --expires 90d works until then, and is refused after with when it expired', async () => {
    shift = 0;
    const { token, secret } = await hub.admin.createToken({ name: 'contractor', role: 'officer', expires: '90d' });
    expect(Date.parse(token.expiresAt!) - hubNow()).toBeGreaterThan(90 * DAY - 60_000);
    expect((await hub.admin.listTokens()).find((t) => t.id === token.id)).toMatchObject({ expiresAt: token.expiresAt });
    const client = new CoreClient({ hubUrl: hub.url, token: secret });
    try {
      expect(await client.whoami()).toMatchObject({ name: 'contractor' });
      shift = 91 * DAY;
      const err = await client.whoami().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnauthenticatedError);
      expect((err as UnauthenticatedError).message).toBe(`the API token "contractor" expired at ${token.expiresAt}`);
      const raw = await rawRequest(`${hub.url}/v1/status`, { token: secret });
      expect(raw.status).toBe(401);
    } finally {
      shift = 0;
      await client.close();
    }
  });

  it('takes an ISO time, and refuses one in the past or words that are neither', async () => {
    const at = new Date(hubNow() + 30 * DAY).toISOString();
    expect((await hub.admin.createToken({ name: 'until-a-date', role: 'viewer', expires: at })).token.expiresAt).toBe(at);
    await expect(hub.admin.createToken({ name: 'x', role: 'viewer', expires: '2020-01-01T00:00:00Z' })).rejects.toBeInstanceOf(UsageError);
    await expect(hub.admin.createToken({ name: 'x', role: 'viewer', expires: 'soon' })).rejects.toBeInstanceOf(UsageError);
    expect((await hub.admin.listTokens()).filter((t) => t.name === 'x')).toEqual([]);
  });

  it('within a week of its expiry, every answer says when (x-watchfloor-token-expires); before, none does', async () => {
    const { token, secret } = await hub.admin.createToken({ name: 'short-lived', role: 'viewer', expires: '10d' });
    const heard: string[] = [];
    const client = new CoreClient({ hubUrl: hub.url, token: secret, onTokenExpiry: (at) => heard.push(at) });
    try {
      expect((await rawRequest(`${hub.url}/v1/whoami`, { token: secret })).status).toBe(200);
      await client.whoami();
      expect(heard).toEqual([]);
      shift = 4 * DAY;
      const res = await fetch(`${hub.url}/v1/whoami`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.headers.get('x-watchfloor-token-expires')).toBe(token.expiresAt);
      await client.whoami();
      expect(heard).toEqual([token.expiresAt]);
    } finally {
      shift = 0;
      await client.close();
    }
  });

  it('ends the event stream its token opened when it expires', async () => {
    const expires = new Date(hubNow() + 1_500).toISOString();
    const { secret } = await hub.admin.createToken({ name: 'wall-for-a-moment', role: 'viewer', expires });
    const res = await fetch(`${hub.url}/v1/events`, { headers: { authorization: `Bearer ${secret}` }, signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    let ended = false;
    void res.text().then(
      () => (ended = true),
      () => undefined,
    );
    await waitUntil(() => ended, { what: 'the stream to end at its token’s expiry', timeoutMs: 6_000 });
    expect(hubNow()).toBeGreaterThanOrEqual(Date.parse(expires));
  });

  it('an intake token streaming alerts is refused from its expiry on, and told of it within the week before', async () => {
    shift = 0;
    const { token, secret } = await hub.admin.createToken({ name: 'intake-expiring', role: 'intake', expires: '10d' });
    const post = async () => {
      const res = await fetch(`${hub.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ labels: { alertname: 'ExpiringIntake', site: 'RUH' } }]),
        signal: AbortSignal.timeout(10_000),
      });
      await res.text();
      return { status: res.status, expires: res.headers.get('x-watchfloor-token-expires') };
    };
    try {
      // Its requests after the first are answered with the caller made for the first (api/unconfirmed-caller.ts).
      for (let i = 0; i < 3; i++) expect(await post()).toEqual({ status: 200, expires: null });
      shift = 4 * DAY;
      expect(await post()).toEqual({ status: 200, expires: token.expiresAt });
      shift = 11 * DAY;
      expect((await post()).status).toBe(401);
    } finally {
      shift = 0;
    }
  });
});
