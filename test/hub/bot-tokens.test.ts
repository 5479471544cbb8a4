// Only a token created for a bot acts for chat users: any other token that
// sends x-watchfloor-on-behalf-of would write timelines under a name of its
// choosing (and, as that name, resolve what that person acknowledged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { UsageError } from '../../src/core/errors.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let officerSecret = '';

const SARA = 'slack:U0SARA (Sara Al-Harbi)';

beforeAll(async () => {
  hub = await startFixtureHub();
  officerSecret = (await hub.clientAs('officer', 'omar')).secret;
});

afterAll(async () => {
  await hub?.stop();
});

describe('acting on behalf of a chat user', () => {
  it('an officer token that is not a bot’s is refused (403), and writes nothing under the name it sent', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'on behalf of', severity: 'sev3', siteId: 'RUH' });
    const auditBefore = (await hub.admin.listAudit({ limit: 10_000 })).length;
    const res = await rawRequest(`${hub.url}/v1/incidents/${incident.id}/notes`, {
      method: 'POST',
      token: officerSecret,
      body: JSON.stringify({ text: 'I, Sara, approve' }),
      headers: { 'x-watchfloor-on-behalf-of': SARA, 'x-watchfloor-channel': 'slack' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('bot'), hint: expect.stringContaining('--bot') });
    const after = await hub.admin.getIncident(incident.id);
    expect(after.timeline.map((t) => t.actor.name)).not.toContain('Sara Al-Harbi (slack:U0SARA)');
    expect(after.incident.version).toBe(incident.version);
    expect(await hub.admin.listAudit({ limit: 10_000 })).toHaveLength(auditBefore);
  });

  it('even to read', async () => {
    const res = await rawRequest(`${hub.url}/v1/whoami`, { token: officerSecret, headers: { 'x-watchfloor-on-behalf-of': SARA } });
    expect(res.status).toBe(403);
  });

  it('a bot token acts for its chat users, and says so in the token list', async () => {
    const created = await hub.admin.createToken({ name: 'slack-bot', role: 'officer', bot: true });
    expect(created.token).toMatchObject({ name: 'slack-bot', role: 'officer', bot: true });
    const sara = new CoreClient({ hubUrl: hub.url, token: created.secret, channel: 'slack', onBehalfOf: SARA });
    try {
      expect(await sara.whoami()).toMatchObject({ name: 'Sara Al-Harbi (slack:U0SARA)', role: 'officer' });
    } finally {
      await sara.close();
    }
    const listed = await hub.admin.listTokens();
    expect(listed.find((t) => t.id === created.token.id)).toMatchObject({ bot: true });
    expect(listed.find((t) => t.name === 'omar')).toMatchObject({ bot: false });
    const audit = (await hub.admin.listAudit({ limit: 10_000 })).find((e) => e.action === 'token.create' && e.target === created.token.id);
    expect(audit).toMatchObject({ detail: { bot: true } });
  });

  it('an intake token is never a bot’s', async () => {
    await expect(hub.admin.createToken({ name: 'x', role: 'intake', bot: true })).rejects.toBeInstanceOf(UsageError);
  });
});
