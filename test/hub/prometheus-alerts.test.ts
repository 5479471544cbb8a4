// The v2 intake's hand check (isPostableAlerts) must give zod's verdict on
// every body: a body it wrongly took would be stored unchecked, one it wrongly
// refused would still be taken (zod decides then), but only by the slow path.
import { describe, expect, it } from 'vitest';
import { isPostableAlerts, PostableAlerts } from '../../src/hub/incidents/prometheus-alerts.js';

const good = { labels: { alertname: 'Down', site: 'RUH' }, annotations: { summary: 's' }, startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-12-01T14:00:00+03:00', generatorURL: 'http://p' };

// One change to a good alert each: every field's wrong types, bounds and edge cases.
const variants: Record<string, unknown>[] = [
  {},
  { labels: undefined },
  { labels: null },
  { labels: [] },
  { labels: {} },
  { labels: { a: '' } },
  { labels: { a: '', b: 'x' } },
  { labels: { a: 1 } },
  { labels: { a: null } },
  { labels: 'x' },
  { annotations: undefined },
  { annotations: null },
  { annotations: {} },
  { annotations: { a: 2 } },
  { annotations: [] },
  { startsAt: null, endsAt: null },
  { startsAt: undefined },
  { startsAt: '' },
  { startsAt: '2026-12-01' },
  { startsAt: '2026-12-01T10:00Z' },
  { startsAt: '2026-12-01T10:00:00.123456789Z' },
  { startsAt: '2026-12-01T10:00:00+0300' },
  { startsAt: '2026-02-30T10:00:00Z' },
  { startsAt: '2024-02-29T10:00:00Z' },
  { startsAt: '0001-01-01T00:00:00Z' },
  { startsAt: '0001-01-01T00:00:00Z', endsAt: '2020-01-01T00:00:00Z' },
  { startsAt: 12 },
  { endsAt: '2026-12-01T09:59:59Z' },
  { endsAt: '2026-12-01T10:00:00Z' },
  { endsAt: '0001-01-01T00:00:00Z' },
  { generatorURL: null },
  { generatorURL: 3 },
  { generatorURL: '' },
  { extra: { anything: true } },
  { fingerprint: 'abc' },
];

const bodies: unknown[] = [
  undefined,
  null,
  {},
  'x',
  [],
  [null],
  [[]],
  ['alert'],
  [good],
  [good, good],
  [good, { ...good, labels: {} }],
  ...variants.map((v) => [{ ...good, ...v }]),
  ...variants.map((v) => [good, { ...good, ...v }]),
];

describe('isPostableAlerts', () => {
  it('gives the verdict of the PostableAlerts schema on every body', () => {
    const disagreements = bodies.filter((b) => isPostableAlerts(b) !== PostableAlerts.safeParse(b).success);
    expect(disagreements).toEqual([]);
    // The table holds both verdicts, or it proves nothing.
    expect(bodies.filter((b) => isPostableAlerts(b)).length).toBeGreaterThan(10);
    expect(bodies.filter((b) => !isPostableAlerts(b)).length).toBeGreaterThan(10);
  });
});
