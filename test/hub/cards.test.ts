// Chat cards over real HTTP: one claimer per incident and chat target, the
// message it posted recorded, claims held as leases their holders renew and
// taken over only when the lease runs out (fenced by a generation), only a
// bot's own token writing them, bad input refused.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/core/errors.js';
import { CARD_LEASE_MS } from '../../src/core/vocabulary.js';
import { migrate } from '../../src/hub/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/hub/store/sqlite/migrations.js';
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
    expect(first).toMatchObject({ claimed: true, mayBePosted: false, leaseRemainingMs: null, card: { incidentId: id, target: 'slack:C0ALERTS', messageRef: null, generation: 1 } });
    expect(Date.parse(first.card.leaseExpiresAt!) - Date.parse(first.card.claimedAt)).toBe(CARD_LEASE_MS.default);
    expect(first.card.firstClaimedAt).toBe(first.card.claimedAt);
    const second = await otherBot.claimCard({ incidentId: id, target: 'slack:C0ALERTS' });
    expect(second.claimed).toBe(false);
    expect(second.card.claimedBy).toBe(first.card.claimedBy);

    const recorded = await bot.recordCard({ incidentId: id, target: 'slack:C0ALERTS', messageRef: '1700000000.000100', generation: 1 });
    expect(recorded).toMatchObject({ messageRef: '1700000000.000100', leaseExpiresAt: null });
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

  it('a claimant retrying its own claim still holds it, and is told it may have posted already', async () => {
    const id = await newIncident('retry');
    expect(await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-1' })).toMatchObject({ claimed: true, mayBePosted: false });
    expect(await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-1' })).toMatchObject({ claimed: true, mayBePosted: true, card: { generation: 1 } });
    expect((await bot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-2' })).claimed).toBe(false);
    // The same instance name through another bot's token is another holder.
    expect((await otherBot.claimCard({ incidentId: id, target: 'slack:C0R', claimant: 'pod-1' })).claimed).toBe(false);
  });
});

describe('a claim is a lease', () => {
  const later = async <T>(ms: number, fn: () => Promise<T>): Promise<T> => {
    clockOffsetMs = ms;
    try {
      return await fn();
    } finally {
      clockOffsetMs = 0;
    }
  };

  it('renewed, it stays with its holder long past its first lease; unrenewed, it is taken over once the lease runs out', async () => {
    const kept = await newIncident('holder alive');
    const left = await newIncident('holder died');
    const claim = { target: 'slack:C0L', claimant: 'pod-a', leaseMs: 10_000 };
    await bot.claimCard({ incidentId: kept, ...claim });
    const first = await bot.claimCard({ incidentId: left, ...claim });
    // Eight seconds on, pod-a renews the one it is still posting; the other it has stopped renewing.
    const renewed = await later(8_000, () => bot.renewCard({ incidentId: kept, ...claim, generation: 1 }));
    expect(Date.parse(renewed.leaseExpiresAt!)).toBeGreaterThan(Date.parse(first.card.leaseExpiresAt!) + 7_000);
    await later(9_000, async () => {
      const refused = await otherBot.claimCard({ incidentId: left, target: 'slack:C0L', claimant: 'pod-b' });
      // How long until it may ask again, on the hub's clock: 10 s from the claim, 9 s (and the request's time) gone.
      expect(refused).toMatchObject({ claimed: false, leaseRemainingMs: expect.any(Number) });
      expect(refused.leaseRemainingMs).toBeGreaterThan(0);
      expect(refused.leaseRemainingMs).toBeLessThanOrEqual(1_000);
    });
    await later(12_000, async () => {
      expect((await otherBot.claimCard({ incidentId: kept, target: 'slack:C0L', claimant: 'pod-b' })).claimed).toBe(false);
      const takeover = await otherBot.claimCard({ incidentId: left, target: 'slack:C0L', claimant: 'pod-b' });
      expect(takeover).toMatchObject({ claimed: true, mayBePosted: true, card: { claimedBy: 'pod-b', generation: 2, messageRef: null, firstClaimedAt: first.card.claimedAt } });
    });
  });

  it('a holder that lost its claim can neither renew nor record (409 naming the new holder); the new one records', async () => {
    const id = await newIncident('fenced');
    await bot.claimCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-a', leaseMs: 5_000 });
    await later(6_000, () => otherBot.claimCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-b' }));
    const renewal = bot.renewCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-a', generation: 1 });
    await expect(renewal).rejects.toBeInstanceOf(ConflictError);
    const stale = await bot.recordCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-a', generation: 1, messageRef: '1.000009' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).message).toMatch(/pod-b holds it \(generation 2\)/);
    expect((stale as ConflictError).details).toMatchObject({ card: { claimedBy: 'pod-b', generation: 2, messageRef: null } });
    // Another bot's token naming pod-b and its generation is still not pod-b.
    await expect(bot.recordCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-b', generation: 2, messageRef: '1.000009' })).rejects.toBeInstanceOf(ConflictError);
    const recorded = await otherBot.recordCard({ incidentId: id, target: 'slack:C0F', claimant: 'pod-b', generation: 2, messageRef: '1.000010' });
    expect(recorded).toMatchObject({ messageRef: '1.000010', generation: 2, leaseExpiresAt: null });
    expect(await bot.listCards({ incidentId: id })).toEqual([recorded]);
  });

  it('a posted card is never taken over, however old', async () => {
    const id = await newIncident('posted');
    await bot.claimCard({ incidentId: id, target: 'slack:C0P', claimant: 'live-pod' });
    await bot.recordCard({ incidentId: id, target: 'slack:C0P', claimant: 'live-pod', generation: 1, messageRef: '1.000001' });
    await later(CARD_LEASE_MS.max * 10, async () => {
      const kept = await otherBot.claimCard({ incidentId: id, target: 'slack:C0P', claimant: 'pod-b' });
      expect(kept).toMatchObject({ claimed: false, card: { claimedBy: 'live-pod', messageRef: '1.000001' } });
    });
  });

  it('only a bot’s own token claims, renews or records: a person’s token or a bot acting for a chat user is refused (403), the card unchanged', async () => {
    const id = await newIncident('bots only');
    const supervisor = await hub.clientAs('supervisor', 'sara');
    const forUser = await hub.clientAs('officer', 'slack-bot-c', { bot: true, onBehalfOf: 'slack:U0AISHA (Aisha)', actAs: 'officer' });
    for (const who of [supervisor, hub.admin, forUser]) {
      await expect(who.claimCard({ incidentId: id, target: 'slack:C0B' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await bot.claimCard({ incidentId: id, target: 'slack:C0B', claimant: 'pod-a' });
    const before = await bot.listCards({ incidentId: id });
    for (const who of [supervisor, hub.admin, forUser]) {
      await expect(who.renewCard({ incidentId: id, target: 'slack:C0B', claimant: 'pod-a', generation: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(who.recordCard({ incidentId: id, target: 'slack:C0B', claimant: 'pod-a', generation: 1, messageRef: '9.9' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await bot.listCards({ incidentId: id })).toEqual(before);
  });
});

describe('refusals', () => {
  it('bad input is a 400 and the store is unchanged', async () => {
    const id = await newIncident('bad input');
    await bot.claimCard({ incidentId: id, target: 'slack:C0Y' });
    const before = await bot.listCards();
    const bodies = [
      { incidentId: id },
      { incidentId: id, target: '' },
      { incidentId: id, target: 'slack:C0X', extra: true },
      { incidentId: id, target: 'x'.repeat(201) },
      { incidentId: id, target: 'slack:C0X', leaseMs: 999 },
      { incidentId: id, target: 'slack:C0X', leaseMs: 300_001 },
      { incidentId: id, target: 'slack:C0X', leaseMs: '30000' },
    ];
    for (const body of bodies) {
      const res = await rawRequest(`${hub.url}/v1/cards/claim`, { method: 'POST', token: bot.secret, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('usage');
    }
    for (const [path, body] of [
      ['record', { incidentId: id, target: 'slack:C0Y' }],
      ['record', { incidentId: id, target: 'slack:C0Y', messageRef: '1.1' }],
      ['record', { incidentId: id, target: 'slack:C0Y', messageRef: '1.1', generation: 0 }],
      ['renew', { incidentId: id, target: 'slack:C0Y' }],
      ['renew', { incidentId: id, target: 'slack:C0Y', generation: 1.5 }],
      ['renew', { incidentId: id, target: 'slack:C0Y', generation: 1, leaseMs: 1e9 }],
    ] as const) {
      const res = await rawRequest(`${hub.url}/v1/cards/${path}`, { method: 'POST', token: bot.secret, body: JSON.stringify(body) });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
    }
    const query = await rawRequest(`${hub.url}/v1/cards?bogus=1`, { token: bot.secret });
    expect(query.status).toBe(400);
    expect(await bot.listCards()).toEqual(before);
  });

  it('an unknown incident, and a record with no claim, are 404s; a viewer may not claim', async () => {
    await expect(bot.claimCard({ incidentId: 'INC-999999', target: 'slack:C0X' })).rejects.toBeInstanceOf(NotFoundError);
    const id = await newIncident('unclaimed');
    await expect(bot.recordCard({ incidentId: id, target: 'slack:C0X', messageRef: '1.1', generation: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(bot.renewCard({ incidentId: id, target: 'slack:C0X', generation: 1 })).rejects.toBeInstanceOf(NotFoundError);
    const viewer = await hub.clientAs('viewer', 'wall', { bot: true });
    await expect(viewer.claimCard({ incidentId: id, target: 'slack:C0X' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await bot.listCards({ incidentId: id })).toEqual([]);
  });
});

describe('migration 4', () => {
  const tables = (db: Database.Database) =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('chat_cards', 'site_wait_history') ORDER BY name").pluck().all();

  it('applies whether step 5 ran before it or after it', () => {
    // Step 11 alters the table step 4 makes, so it comes after both.
    const afterBoth = MIGRATIONS.filter((m) => m.version >= 11);
    for (const later of [4, 5]) {
      const db = new Database(':memory:');
      try {
        migrate(db, MIGRATIONS.filter((m) => m.version !== later && !afterBoth.includes(m)));
        expect(migrate(db)).toBe(1 + afterBoth.length);
        expect(tables(db)).toEqual(['chat_cards', 'site_wait_history']);
        expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        db.close();
      }
    }
  });
});

describe('migration 11', () => {
  it('a claim from before keeps the 30 s it had from its claim and names no token; a posted one has no lease', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version < 11));
      const insert = db.prepare('INSERT INTO chat_cards (incident_id, target, message_ref, claimed_by, claimed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      insert.run('INC-000001', 'slack:C0A', null, 'pod-1', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z');
      insert.run('INC-000002', 'slack:C0A', '1.000001', 'pod-1', '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:01.000Z');
      expect(migrate(db)).toBe(MIGRATIONS.filter((m) => m.version >= 11).length);
      const rows = db.prepare('SELECT incident_id, generation, lease_expires_at, first_claimed_at, holder_token FROM chat_cards ORDER BY incident_id').all();
      expect(rows).toEqual([
        { incident_id: 'INC-000001', generation: 1, lease_expires_at: '2030-01-01T00:00:30.000Z', first_claimed_at: '2030-01-01T00:00:00.000Z', holder_token: null },
        { incident_id: 'INC-000002', generation: 1, lease_expires_at: null, first_claimed_at: '2030-01-01T00:00:00.000Z', holder_token: null },
      ]);
    } finally {
      db.close();
    }
  });
});
