// Twenty officers ack the same incident at the same moment over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ConflictError } from '../../src/core/errors.js';
import { fixture, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
const officers: CoreClient[] = [];

beforeAll(async () => {
  hub = await startFixtureHub();
  for (let i = 1; i <= 20; i++) officers.push(await hub.clientAs('officer', `officer-${String(i).padStart(2, '0')}`));
});

afterAll(async () => {
  await hub?.stop();
});

describe('20 concurrent acks', () => {
  let incidentId = '';

  it('exactly one succeeds; nineteen conflicts name the winner', async () => {
    const alertmanager = await hub.clientAs('intake', 'alertmanager');
    incidentId = (await alertmanager.ingestAlertmanager(fixture('alertmanager-v4-firing.json'))).created[0]!;
    const results = await Promise.allSettled(officers.map((o) => o.ack(incidentId)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const { incident, timeline } = await hub.admin.getIncident(incidentId);
    const winner = incident.acknowledgedBy!.name;
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(ConflictError);
      expect((l.reason as ConflictError).message).toContain(winner);
      expect((l.reason as ConflictError).details.acknowledgedBy).toMatchObject({ name: winner });
    }
    expect(timeline.filter((t) => t.kind === 'acknowledged')).toHaveLength(1);
    expect(incident.version).toBe(2);
  });

  it('the winner acking again changes nothing: changed false, no second timeline entry', async () => {
    const before = await hub.admin.getIncident(incidentId);
    const winnerIndex = Number(before.incident.acknowledgedBy!.name.slice(-2)) - 1;
    const again = await officers[winnerIndex]!.ack(incidentId);
    expect(again.changed).toBe(false);
    expect(again.incident.version).toBe(before.incident.version);
    const after = await hub.admin.getIncident(incidentId);
    expect(after.timeline).toHaveLength(before.timeline.length);
    const acks = (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'incident.ack');
    expect(acks).toHaveLength(1);
  });
});
