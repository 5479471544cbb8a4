import { describe, expect, it } from 'vitest';
import { SITE_KINDS } from '../../src/core/vocabulary.js';
import { dailyCurve, expectedArrivalsPerHour, plannedArrivalsPerHour, seasonFactor } from '../../src/sim/arrivals.js';
import { hajjIntensity, ramadanUmrahIntensity, riyadhTime } from '../../src/sim/calendar.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';

const fleet = buildDemoFleet();
const site = (id: string) => fleet.sites.find((s) => s.id === id)!;
// 03:00 Riyadh is 00:00 UTC.
const riyadh = (isoDate: string, hour: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + (hour - 3) * 3_600_000);

describe('daily curve', () => {
  it('is lower in the night than at the peak for every kind of site', () => {
    for (const kind of SITE_KINDS) {
      const hours = Array.from({ length: 24 }, (_, h) => dailyCurve(kind, h));
      expect(dailyCurve(kind, 3.5), kind).toBeLessThan(Math.max(...hours));
    }
    expect(dailyCurve('air', 4)).toBeLessThan(dailyCurve('air', 9)); // morning peak
    expect(dailyCurve('air', 4)).toBeLessThan(dailyCurve('air', 19)); // evening peak
  });

  it('averages 1 over the open hours, so the annual volume is kept', () => {
    const mean = (kind: (typeof SITE_KINDS)[number]) => {
      const values = Array.from({ length: 24 * 60 }, (_, m) => dailyCurve(kind, m / 60)).filter((v) => v > 0);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    for (const kind of SITE_KINDS) expect(mean(kind), kind).toBeCloseTo(1, 1);
  });

  it('sends nobody to a service centre at night or on the weekend', () => {
    const centre = site('SC-RIY-02');
    // 2026-09-08 is a Tuesday; 2026-09-11 a Friday.
    expect(expectedArrivalsPerHour(centre, riyadh('2026-09-08', 2))).toBe(0);
    expect(expectedArrivalsPerHour(centre, riyadh('2026-09-08', 10))).toBeGreaterThan(0);
    expect(expectedArrivalsPerHour(centre, riyadh('2026-09-11', 10))).toBe(0);
  });

  it('has RUH quieter at 04:00 than at 19:00', () => {
    const ruh = site('RUH');
    expect(plannedArrivalsPerHour(ruh, riyadh('2026-09-08', 4))).toBeLessThan(plannedArrivalsPerHour(ruh, riyadh('2026-09-08', 19)));
  });
});

describe('seasons', () => {
  it('finds Hajj 2026 in late May and nothing in September', () => {
    expect(hajjIntensity(new Date('2026-05-21T12:00:00Z'))).toBeGreaterThan(0.8);
    expect(hajjIntensity(new Date('2026-06-03T12:00:00Z'))).toBeGreaterThan(0.5); // pilgrims going home
    expect(hajjIntensity(new Date('2026-09-15T12:00:00Z'))).toBe(0);
    // The season moves about 11 days earlier a year: Hajj 2027 around 15 May.
    expect(hajjIntensity(new Date('2027-05-10T12:00:00Z'))).toBeGreaterThan(0.8);
  });

  it('peaks Umrah in the last ten days of Ramadan', () => {
    expect(ramadanUmrahIntensity(new Date('2026-03-15T12:00:00Z'))).toBe(1);
    expect(ramadanUmrahIntensity(new Date('2026-02-25T12:00:00Z'))).toBeGreaterThan(0);
    expect(ramadanUmrahIntensity(new Date('2026-07-01T12:00:00Z'))).toBe(0);
  });

  it('boosts the Hajj gateways, not Riyadh, in the Hajj season', () => {
    const hajj = new Date('2026-05-21T12:00:00Z');
    const autumn = new Date('2026-09-15T12:00:00Z');
    expect(seasonFactor(site('JED-HAJJ'), hajj)).toBeGreaterThan(3);
    expect(seasonFactor(site('MED'), hajj)).toBeGreaterThan(2);
    expect(seasonFactor(site('JED'), hajj)).toBeGreaterThan(1);
    expect(seasonFactor(site('LND-HADITHA'), hajj)).toBeGreaterThan(seasonFactor(site('LND-HADITHA'), new Date('2026-04-15T12:00:00Z')));
    expect(seasonFactor(site('RUH'), hajj)).toBe(1);
    expect(seasonFactor(site('JED-HAJJ'), autumn)).toBe(1);
  });

  it('makes January the busiest month at the land ports (GASTAT 2024)', () => {
    const kfc = site('LND-KFC');
    expect(seasonFactor(kfc, new Date('2026-01-15T12:00:00Z'))).toBeGreaterThan(seasonFactor(kfc, new Date('2026-09-15T12:00:00Z')));
  });

  it('keeps Riyadh time at UTC+3', () => {
    expect(riyadhTime(new Date('2026-09-08T21:30:00Z'))).toEqual({ hour: 0.5, weekday: 3, month: 8 });
  });
});
