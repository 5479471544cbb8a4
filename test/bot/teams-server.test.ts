// The Teams endpoint refuses what the Bot Framework did not sign, before any
// bot code runs. The requests carry no token or one that is not a JWT, so the
// SDK refuses them without fetching Microsoft's OpenID metadata: a real token
// (which would need that fetch) is the SDK's to check, not this test's.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTeamsServer, type TeamsServer } from '../../src/bot/teams/server.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';

let hub: StubHub;
let server: TeamsServer;

// A message asking to act, as Teams would send it: only the signature is missing.
const activity = {
  type: 'message',
  id: 'act-1',
  channelId: 'msteams',
  serviceUrl: 'http://127.0.0.1:9/teams/',
  from: { id: '29:someone', aadObjectId: 'aad-officer-0001' },
  recipient: { id: '28:bot' },
  conversation: { id: 'conv-1' },
  text: 'incidents ack INC-000001',
};

beforeAll(async () => {
  hub = await startStubHub([]);
  server = await startTeamsServer({
    appId: '00000000-0000-0000-0000-000000000001',
    appPassword: 'not-a-real-secret',
    tenantId: '00000000-0000-0000-0000-0000000000aa',
    port: 0,
    hub: { hubUrl: hub.url, token: 'bot-token' },
    identities: { users: { 'teams:aad-officer-0001': { name: 'Ahmed', role: 'officer' } } },
  });
});

afterAll(async () => {
  await server?.stop();
  await hub?.close();
});

const post = (headers: Record<string, string>, body: string = JSON.stringify(activity)) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(5000) });

describe('startTeamsServer', () => {
  it('listens on loopback at /api/messages', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
  });

  it('answers 401 to a POST without a token, and the hub hears nothing', async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    expect(hub.requests).toEqual([]);
  });

  it("answers 401 to a bearer token that is not a Bot Framework JWT (CloudAdapter's own check)", async () => {
    // CloudAdapter prints the refusal with console.error; caught here, it also shows whose check said no.
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await post({ authorization: 'Bearer forged.token.value' });
      expect(res.status).toBe(401);
      expect(printed.mock.calls.flat()).toContainEqual(expect.objectContaining({ statusCode: 401, message: expect.stringContaining('Unauthorized') }));
    } finally {
      printed.mockRestore();
    }
    expect(hub.requests).toEqual([]);
  });

  it('refuses what is not a JSON activity on the right path and method', async () => {
    expect((await post({ authorization: 'Bearer forged.token.value' }, 'not json')).status).toBe(400);
    expect((await fetch(server.url, { signal: AbortSignal.timeout(5000) })).status).toBe(405);
    expect((await fetch(server.url.replace('/api/messages', '/other'), { method: 'POST', body: '{}', signal: AbortSignal.timeout(5000) })).status).toBe(404);
    expect(hub.requests).toEqual([]);
  });

  it('will not start without the app id and password (the SDK would then accept unsigned requests)', async () => {
    await expect(
      startTeamsServer({ appId: '', appPassword: '', port: 0, hub: { hubUrl: hub.url, token: 't' }, identities: { users: {} } }),
    ).rejects.toThrow(/app id and password/);
  });
});
