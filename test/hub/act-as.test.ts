// A bot's token acting for a chat user: the hub grants the lower of the
// token's role and the user's, and the audit log names the chat user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { ForbiddenError, UsageError } from '../../src/core/errors.js';
import type { Role } from '../../src/core/model.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let botSecret: string;

// What a chat bot builds per chat user: its own token, the user's role and id.
function botClientFor(userId: string, role: Role, channel: 'slack' | 'teams' = 'slack'): CoreClient {
  return new CoreClient({ hubUrl: hub.url, token: botSecret, channel, onBehalfOf: `${channel}:${userId}`, actAs: role });
}

beforeAll(async () => {
  hub = await startFixtureHub();
  botSecret = (await hub.clientAs('supervisor', 'slack-bot', { bot: true })).secret;
});

afterAll(async () => {
  await hub?.stop();
});

describe('act-as', () => {
  it('caps the token role to the chat user role, never raises it', async () => {
    const viewer = botClientFor('U0VIEW', 'viewer');
    const admin = botClientFor('U0ADMIN', 'admin');
    try {
      expect(await viewer.whoami()).toMatchObject({ name: 'slack:U0VIEW', role: 'viewer' });
      expect(await admin.whoami()).toMatchObject({ name: 'slack:U0ADMIN', role: 'supervisor' });
      const err = await admin.listTokens().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as ForbiddenError).message).toContain('admin');
    } finally {
      await Promise.all([viewer.close(), admin.close()]);
    }
  });

  it('a viewer-mapped chat user pressing Acknowledge is refused with 403 naming the role, and nothing changes', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'egate offline', severity: 'sev2', siteId: 'RUH' });
    const viewer = botClientFor('U0VIEW', 'viewer');
    try {
      const err = await viewer.ack(incident.id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as ForbiddenError).message).toContain('needs the officer role');
      expect((err as ForbiddenError).message).toContain('slack:U0VIEW');
      expect((err as ForbiddenError).details).toMatchObject({ needed: 'officer', role: 'viewer' });
      const after = await hub.admin.getIncident(incident.id);
      expect(after.incident.state).toBe('triggered');
      expect(after.incident.version).toBe(incident.version);
      const acks = (await hub.admin.listAudit({ limit: 1000 })).filter((e) => e.action.includes('ack') && e.target === incident.id);
      expect(acks).toEqual([]);
    } finally {
      await viewer.close();
    }
  });

  it.each(['slack', 'teams'] as const)('an action from %s lands in the audit log with the channel and the chat user id', async (channel) => {
    const { incident } = await hub.admin.createIncident({ title: `queue at JED (${channel})`, severity: 'sev3', siteId: 'JED' });
    const officer = botClientFor(`U0${channel.toUpperCase()}`, 'officer', channel);
    try {
      const { incident: acked } = await officer.ack(incident.id);
      expect(acked.state).toBe('acknowledged');
      const entry = (await hub.admin.listAudit({ limit: 1000 })).find((e) => e.target === incident.id && e.action.includes('ack'));
      const user = `${channel}:U0${channel.toUpperCase()}`;
      expect(entry).toMatchObject({ channel, actor: { name: user }, detail: { onBehalfOf: user, via: 'slack-bot' } });
      const { timeline } = await hub.admin.getIncident(incident.id);
      expect(timeline.find((t) => t.kind === 'acknowledged')).toMatchObject({ channel });
    } finally {
      await officer.close();
    }
  });

  it('two chat users through one bot token are two people: an officer resolves only what they acknowledged', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'reader jams at JED', severity: 'sev3', siteId: 'JED' });
    const aisha = botClientFor('U0AISHA', 'officer');
    const omar = botClientFor('U0OMAR', 'officer');
    try {
      const { incident: acked } = await aisha.ack(incident.id);
      expect(acked.acknowledgedBy).toMatchObject({ name: 'slack:U0AISHA' });
      const err = await omar.resolve(incident.id, 'cleaned').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as ForbiddenError).message).toContain('slack:U0OMAR neither acknowledged it');
      const { incident: resolved } = await aisha.resolve(incident.id, 'cleaned the reader');
      expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: { name: 'slack:U0AISHA' } });
    } finally {
      await Promise.all([aisha.close(), omar.close()]);
    }
  });

  it('a chat officer who acknowledged hands over to another chat user of the same bot, matched by their chat id', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'handover in chat', severity: 'sev3', siteId: 'JED' });
    const aisha = botClientFor('U0AISHA', 'officer');
    const omar = botClientFor('U0OMAR', 'officer');
    try {
      await aisha.ack(incident.id);
      const { incident: assigned } = await aisha.assign(incident.id, 'Omar (slack:U0OMAR)');
      expect(assigned).toMatchObject({ assigneeId: expect.stringMatching(/^tok_[0-9a-f]+\/slack:U0OMAR$/), assignerAuthority: 'acknowledger' });
      expect((await omar.resolve(incident.id, 'done')).incident).toMatchObject({ state: 'resolved', resolvedBy: { name: 'slack:U0OMAR' } });
    } finally {
      await Promise.all([aisha.close(), omar.close()]);
    }
  });

  it('a chat name outside ASCII arrives percent-encoded and reads back in full; a malformed header is a 400', async () => {
    const named = new CoreClient({ hubUrl: hub.url, token: botSecret, channel: 'slack', onBehalfOf: `slack:U0NAMED (${encodeURIComponent('عائشة')})` });
    try {
      expect(await named.whoami()).toMatchObject({ name: 'عائشة (slack:U0NAMED)' });
    } finally {
      await named.close();
    }
    const res = await rawRequest(`${hub.url}/v1/whoami`, { token: botSecret, headers: { 'x-watchfloor-on-behalf-of': 'someone; drop table' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'usage', message: expect.stringContaining('x-watchfloor-on-behalf-of') });
  });

  it('an unknown role is a 400 usage error, also on the event stream', async () => {
    const res = await rawRequest(`${hub.url}/v1/whoami`, { token: botSecret, headers: { 'x-watchfloor-act-as': 'root' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'usage', message: expect.stringContaining('root') });
    const bad = new CoreClient({ hubUrl: hub.url, token: botSecret, actAs: 'root' as Role });
    try {
      await expect(bad.events({ onEvent: () => {}, signal: AbortSignal.timeout(5_000) })).rejects.toBeInstanceOf(UsageError);
    } finally {
      await bad.close();
    }
  });
});
