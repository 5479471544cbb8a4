// Chat cards over real HTTP: one claimer per incident and chat target, the
// message it posted recorded, abandoned claims taken over, bad input refused.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ForbiddenError, NotFoundError } from '../../src/core/errors.js';
import { STALE_CLAIM_MS } from '../../src/hub/cards/chat-cards.js';
import { MIGRATIONS, migrate } from '../../src/hub/store/sqlite/migrations.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let bot: CoreClient & { secret: string };
let otherBot: CoreClient & { secret: string };
let clockOffsetMs = 0;

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(Date.now() + clockOffsetMs) });
  bot = await hub.clientAs('officer', 'slack-bot-a', { bot: true });
  otherBot = await hub.clientAs('officer', 'slack-bot-b', { bot: true });
});

afterAll(async () => {
  await hub?.stop();
});

async function newIncident(title: string): Promise<string> {
  return (await hub.admin.createIncident({ title, severity: 'sev2', siteId: 'RUH' })).incident.id;
}

describe('claiming a card', () => {
  it('the first claim wins; the next sees the holder; the record lands on the card', async () => {
    const id = await newIncident('egates down');
    const first = await bot.claimCard({ incidentId: id.toLowerCase(), target: 'slack:C0ALERTS' });
    expect(first).toMatchObject({ claimed: true, card: { incidentId: id, target: 'slack:C0ALERTS', messageRef: null } });
    const second = await otherBot.claimCard({ incidentId: id, target: 'slack:C0ALERTS' });
    expect(second.claimed).toBe(false);
    expect(second.card.claimedBy).toBe(first.card.claimedBy);

    const recorded = await bot.recordCard({ incidentId: id, target: 'slack:C0ALERTS', messageRef: '1700000000.000100' });
    expect(recorded.messageRef).toBe('1700000000.000100');
    expect(await otherBot.listCards({ incidentId: id })).toEqual([recorded]);
    // Another channel is another card.
    expect((await otherBot.claimCard({ incidentId: id, target: 'slack:C0RIYADH' })).claimed).toBe(true);
    expect((await bot.listCards({ target: 'slack:C0RIYADH' })).map((c) => c.incidentId)).toEqual([id]);
  });

  it('of many claims at once exactly one is claimed', async () => {
    const id = await newIncident('queue at JED');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? bot : otherBot).claimCard({ incidentId: id, target: 'slack:C0RACE', claimant: `instance-${i}` })),
    );
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    const winner = results.find((r) => r.claimed)!.card.claimedBy;
    expect(results.every((r) => r.card.claimedBy === winner)).toBe(true);
    expect(await bot.listCards({ incidentId: id })).toHaveLength(1);
  });

  it('a claimant retrying its own claim still holds it', async () => {
    const id = await newIncident('retry');
    expect((await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-1' })).claimed).toBe(true);
    expect((await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-1' })).claimed).toBe(true);
    expect((await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-2' })).claimed).toBe(false);
  });

  it('a claim left without a message for 30 s is taken over; a posted card never is', async () => {
    const abandoned = await newIncident('claimer died');
    const posted = await newIncident('claimer posted');
    await bot.claimCard({ incidentId: abandoned, target: 'slack:C0T', claimant: 'dead-pod' });
    await bot.claimCard({ incidentId: posted, target: 'slack:C0T', claimant: 'live-pod' });
    await bot.recordCard({ incidentId: posted, target: 'slack:C0T', messageRef: '1.000001' });
    expect((await otherBot.claimCard({ incidentId: abandoned, target: 'slack:C0T', claimant: 'pod-b' })).claimed).toBe(false);
    clockOffsetMs = STALE_CLAIM_MS + 1_000;
    try {
      const takeover = await otherBot.claimCard({ incidentId: abandoned, target: 'slack:C0T', claimant: 'pod-b' });
      expect(takeover).toMatchObject({ claimed: true, card: { claimedBy: 'pod-b', messageRef: null } });
      const kept = await otherBot.claimCard({ incidentId: posted, target: 'slack:C0T', claimant: 'pod-b' });
      expect(kept).toMatchObject({ claimed: false, card: { claimedBy: 'live-pod', messageRef: '1.000001' } });
    } finally {
      clockOffsetMs = 0;
    }
  });
});

describe('refusals', () => {
  it('bad input is a 400 and the store is unchanged', async () => {
    const id = await newIncident('bad input');
    const before = await bot.listCards();
    const bodies = [
      { incidentId: id },
      { incidentId: id, target: '' },
      { incidentId: id, target: 'slack:C0X', extra: true },
      { incidentId: id, target: 'x'.repeat(201) },
    ];
    for (const body of bodies) {
      const res = await rawRequest(`${hub.url}/v1/cards/claim`, { method: 'POST', token: bot.secret, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('usage');
    }
    const record = await rawRequest(`${hub.url}/v1/cards/record`, {
      method: 'POST',
      token: bot.secret,
      body: JSON.stringify({ incidentId: id, target: 'slack:C0X' }),
    });
    expect(record.status).toBe(400);
    const query = await rawRequest(`${hub.url}/v1/cards?bogus=1`, { token: bot.secret });
    expect(query.status).toBe(400);
    expect(await bot.listCards()).toEqual(before);
  });

  it('an unknown incident, and a record with no claim, are 404s; a viewer may not claim', async () => {
    await expect(bot.claimCard({ incidentId: 'INC-999999', target: 'slack:C0X' })).rejects.toBeInstanceOf(NotFoundError);
    const id = await newIncident('unclaimed');
    await expect(bot.recordCard({ incidentId: id, target: 'slack:C0X', messageRef: '1.1' })).rejects.toBeInstanceOf(NotFoundError);
    const viewer = await hub.clientAs('viewer', 'wall');
    await expect(viewer.claimCard({ incidentId: id, target: 'slack:C0X' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await bot.listCards({ incidentId: id })).toEqual([]);
  });
});

describe('migration 4', () => {
  const tables = (db: Database.Database) =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('chat_cards', 'site_wait_history') ORDER BY name").pluck().all();

  it('applies whether step 5 ran before it or after it', () => {
    for (const later of [4, 5]) {
      const db = new Database(':memory:');
      try {
        migrate(db, MIGRATIONS.filter((m) => m.version !== later));
        expect(migrate(db)).toBe(1);
        expect(tables(db)).toEqual(['chat_cards', 'site_wait_history']);
        expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        db.close();
      }
    }
  });
});
