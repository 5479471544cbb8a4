// The peak calendar: the shipped default parses, dates are Riyadh days with
// both ends included, peaks pick their sites, and a mistake is one line
// naming the file, the line and the field.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { defaultPeakCalendarPath, peakCalendarPath, readPeakCalendar } from '../../src/hub/forecast/peak-calendar-file.js';
import { parsePeakCalendar, peaksFor } from '../../src/hub/forecast/peak-calendar.js';

const HOUR_MS = 3_600_000;
const hourAt = (iso: string) => Date.parse(iso) / HOUR_MS;
const JED = { id: 'JED', kind: 'air' as const, region: 'Makkah' };
const RUH = { id: 'RUH', kind: 'air' as const, region: 'Riyadh' };
const KFC = { id: 'LND-KFC', kind: 'land' as const, region: 'Eastern' };

describe('peak calendar', () => {
  it('ships a default that parses, with Hajj for the holy cities’ airports only', () => {
    const calendar = readPeakCalendar(defaultPeakCalendarPath());
    expect(calendar.peaks.length).toBeGreaterThan(5);
    const midHajj = hourAt('2026-05-10T09:00:00Z');
    expect(peaksFor(calendar, JED).names(midHajj)).toContain('Hajj arrivals 1447');
    expect(peaksFor(calendar, JED).factor(midHajj)).toBeGreaterThan(1);
    expect(peaksFor(calendar, RUH).factor(midHajj)).toBe(1);
    expect(peakCalendarPath({ dataFile: '/nonexistent-dir/hub.sqlite' })).toBe(defaultPeakCalendarPath());
    expect(peakCalendarPath({ file: '/x/peaks.yaml', dataFile: '/nonexistent-dir/hub.sqlite' })).toBe('/x/peaks.yaml');
  });

  it('covers whole days in Riyadh (UTC+3), both ends included, and multiplies overlapping peaks', () => {
    const c = parsePeakCalendar('peaks:\n  - { name: A, from: 2027-01-10, to: 2027-01-11, factor: 2, kinds: [land] }\n  - { name: B, from: 2027-01-11, to: 2027-01-11, factor: 1.5, sites: [lnd-kfc] }\n', 'test.yaml');
    const kfc = peaksFor(c, KFC);
    expect(kfc.factor(hourAt('2027-01-09T20:00:00Z'))).toBe(1); // 23:00 on the 9th in Riyadh
    expect(kfc.factor(hourAt('2027-01-09T21:00:00Z'))).toBe(2); // midnight starting the 10th
    expect(kfc.factor(hourAt('2027-01-11T12:00:00Z'))).toBe(3);
    expect(kfc.names(hourAt('2027-01-11T12:00:00Z'))).toEqual(['A', 'B']);
    expect(kfc.factor(hourAt('2027-01-11T20:00:00Z'))).toBe(3); // 23:00 on the 11th
    expect(kfc.factor(hourAt('2027-01-11T21:00:00Z'))).toBe(1);
    expect(peaksFor(c, RUH).factor(hourAt('2027-01-11T12:00:00Z'))).toBe(1);
  });

  it('an empty file is an empty calendar', () => {
    expect(parsePeakCalendar('', 'empty.yaml').peaks).toEqual([]);
  });

  it.each([
    ['peaks:\n  - name: X\n    from: 2027-01-01\n    to: 2027-01-02\n    factor: -1\n', 'bad.yaml:5: peaks[0].factor:'],
    ['peaks:\n  - name: X\n    from: 1 Jan\n    to: 2027-01-02\n    factor: 2\n', 'bad.yaml:3: peaks[0].from: a date, YYYY-MM-DD'],
    ['peaks:\n  - name: X\n    from: 2027-01-01\n    to: 2027-01-02\n    factor: 2\n    kinds: [airport]\n', 'bad.yaml:6: peaks[0].kinds[0]:'],
    ['peaks:\n  - name: X\n    from: 2027-01-01\n    to: 2027-01-02\n    factor: 2\n    sitez: [RUH]\n', 'bad.yaml:2: peaks[0]:'],
    ['peaks: [\n', 'bad.yaml:2:'],
  ])('%j is one error naming file, line and field', (text, start) => {
    const err = (() => {
      try {
        parsePeakCalendar(text, 'bad.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(`peak calendar ${start}`);
    expect((err as ConfigError).message).not.toContain('\n');
  });

  it('a missing file is a config error naming it', () => {
    expect(() => readPeakCalendar('/nonexistent-dir/peaks.yaml')).toThrow(/cannot read the peak calendar \/nonexistent-dir\/peaks.yaml: ENOENT/);
  });
});
