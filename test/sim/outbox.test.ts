import { describe, expect, it } from 'vitest';
import { alertOf, webhookOf } from '../../src/sim/alerts.js';
import type { Fault } from '../../src/sim/faults.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { AlertOutbox } from '../../src/sim/outbox.js';
import { MAX_ALERTS_PER_POST } from '../../src/sim/simulator.js';
import { buildWorld } from '../../src/sim/world.js';

const world = buildWorld(buildDemoFleet());
const START = Date.parse('2026-09-08T15:00:00Z');
const fault = (n: number): Fault => {
  const assetId = world.assets[n]!.id;
  const asset = world.assetById.get(assetId)!;
  return { id: `F${n}`, assetId, siteId: asset.siteId, kind: asset.kind, faultKind: 'hung-service', source: 'simulated', severity: 'warning', startedAt: START, clearsAt: START + 60_000, lastNotifiedAt: null };
};

describe('AlertOutbox', () => {
  it('keeps only the latest state of each alert, oldest first', () => {
    const outbox = new AlertOutbox();
    const a = fault(1);
    const b = fault(2);
    outbox.add([alertOf(a, world, 'firing'), alertOf(b, world, 'firing')]);
    outbox.add([alertOf(a, world, 'resolved')]);
    expect(outbox.size).toBe(2);
    expect(outbox.peek().map((x) => [x.labels.asset, x.status])).toEqual([
      [alertOf(b, world, 'firing').labels.asset, 'firing'],
      [alertOf(a, world, 'firing').labels.asset, 'resolved'],
    ]);
    expect(outbox.peek(1)).toHaveLength(1);
  });

  it('forgets what was delivered but not a newer state that came meanwhile', () => {
    const outbox = new AlertOutbox();
    const a = fault(3);
    const firing = alertOf(a, world, 'firing');
    outbox.add([firing]);
    const sent = outbox.peek();
    outbox.add([alertOf(a, world, 'resolved')]);
    outbox.delivered(sent);
    expect(outbox.peek().map((x) => x.status)).toEqual(['resolved']);
    outbox.delivered(outbox.peek());
    expect(outbox.size).toBe(0);
  });

  it('holds a post of the most alerts the simulator sends at once well under the hub’s 1 MiB limit', () => {
    const alerts = Array.from({ length: MAX_ALERTS_PER_POST }, (_, i) => alertOf(fault(i), world, 'firing'));
    expect(Buffer.byteLength(JSON.stringify(webhookOf(alerts)))).toBeLessThan(1_048_576 / 2);
  });
});
