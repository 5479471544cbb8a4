// The one reading of times and spans from outside (core/time-input.ts), shared
// by the CLI's --since and the hub's since and telemetry `at`.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { isoTimeMs, normalIsoTime, sinceTime, spanMs } from '../../src/core/time-input.js';

const NOW = new Date('2025-03-01T06:30:00Z');

describe('sinceTime', () => {
  it('spans back from now and ISO times, in the stored form', () => {
    expect(sinceTime('90s', NOW)).toBe('2025-03-01T06:28:30.000Z');
    expect(sinceTime('7d', NOW)).toBe('2025-02-22T06:30:00.000Z');
    expect(sinceTime('3650d', NOW)).toBe('2015-03-04T06:30:00.000Z');
    expect(sinceTime('2025-02-28T10:00:00+03:00', NOW)).toBe('2025-02-28T07:00:00.000Z');
    expect(sinceTime('2025-02-28', NOW)).toBe('2025-02-28T00:00:00.000Z');
  });

  it('refuses, as a usage error naming the label and the rule, what is not a time or out of range', () => {
    for (const bad of ['soon', '3651d', '99999999999999999999d', '1e3d', '-5m', '+275760-09-13T00:00:00Z', '1969-12-31T23:59:59Z', '2025-02-29', '24h ago']) {
      let caught: unknown;
      try {
        sinceTime(bad, NOW, '--since');
      } catch (e) {
        caught = e;
      }
      expect(caught, bad).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toBe(
        `--since: "${bad}" is not a span up to 3650d (s, m, h or d) or an ISO-8601 time from 1970-01-01 to 9999-12-31`,
      );
    }
  });

  it('a span that reaches back before 1970 is refused, not turned into a negative time', () => {
    expect(() => sinceTime('3650d', new Date('1975-01-01T00:00:00Z'))).toThrow(UsageError);
  });
});

describe('isoTimeMs and normalIsoTime', () => {
  it('checks the calendar and the clock, which Date.parse does not', () => {
    expect(isoTimeMs('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2025-02-29', '2025-04-31T00:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T06:60Z', '2025-03-01T06:00:00+25:00', '2025', '20250301']) {
      expect(isoTimeMs(bad), bad).toBeUndefined();
    }
  });

  it('machine input may be required to say its zone', () => {
    expect(normalIsoTime('2025-03-01T09:00:00.5+03:00', { requireOffset: true })).toBe('2025-03-01T06:00:00.500Z');
    expect(normalIsoTime('2025-03-01T09:00:00', { requireOffset: true })).toBeUndefined();
    expect(normalIsoTime('2025-03-01T09:00:00')).toBe(new Date(2025, 2, 1, 9).toISOString());
  });

  it('the range ends are the last moment of 9999 and the epoch', () => {
    expect(normalIsoTime('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(normalIsoTime('1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(normalIsoTime('9999-12-31T23:59:59-01:00')).toBeUndefined();
  });
});

describe('spanMs', () => {
  it('whole numbers of s, m, h and d up to ten years', () => {
    expect(spanMs('15m')).toBe(900_000);
    expect(spanMs('87600h')).toBe(3650 * 86_400_000);
    expect(spanMs('87601h')).toBeUndefined();
    expect(spanMs('1.5h')).toBeUndefined();
    expect(spanMs('2w')).toBeUndefined();
  });
});
