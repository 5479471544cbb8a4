import { describe, expect, it } from 'vitest';
import { RISE_HOURS, RISE_MAX_RELATIVE_WIDTH, RISE_MIN_MULTIPLE, risePerHour, risingHours } from '../../../src/hub/forecast/surge-rise.js';

// A report at three times the usual at its minute, at a site whose interval is a fifth of its usual.
const doubled = { reported: 900, usual: 300, relativeWidth: 0.2 };

describe("a surge's rise", () => {
  it('is the excess gained per hour between two readings both beyond the band', () => {
    // 300 beyond the band at the hour before's middle, 700 at the report 1.25 h later: 320 more an hour.
    expect(risePerHour({ ...doubled, excessBefore: 300, excessNow: 700, hours: 1.25, spread: 30 })).toBeCloseTo(320);
  });

  it('is none from one reading beyond the band (a planeload, a ferry), one within its own spread, a fall, or readings at one moment', () => {
    expect(risePerHour({ ...doubled, excessBefore: 0, excessNow: 700, hours: 1, spread: 30 })).toBe(0);
    expect(risePerHour({ ...doubled, excessBefore: 20, excessNow: 700, hours: 1, spread: 30 })).toBe(0);
    expect(risePerHour({ ...doubled, excessBefore: 700, excessNow: 300, hours: 1, spread: 30 })).toBe(0);
    expect(risePerHour({ ...doubled, excessBefore: 300, excessNow: 700, hours: 0, spread: 30 })).toBe(0);
  });

  it(`is none while the report is under ${RISE_MIN_MULTIPLE} × the usual: a busier day than the history climbing with its own morning`, () => {
    expect(risePerHour({ reported: 50, usual: 33, excessBefore: 5, excessNow: 13, hours: 1, spread: 3, relativeWidth: 0.2 })).toBe(0);
    expect(risePerHour({ reported: 70, usual: 33, excessBefore: 5, excessNow: 33, hours: 1, spread: 3, relativeWidth: 0.2 })).toBeCloseTo(28);
  });

  it(`is none where the interval is wider than ${RISE_MAX_RELATIVE_WIDTH} × the usual: hours that come a planeload or a ferry at a time`, () => {
    // A regional airport between banks: 8 an hour usual, 0–25 its interval; a surge it took in its stride read as a trend.
    expect(risePerHour({ reported: 300, usual: 8, excessBefore: 150, excessNow: 280, hours: 1, spread: 3, relativeWidth: 25 / 8 })).toBe(0);
    expect(risePerHour({ reported: 300, usual: 8, excessBefore: 150, excessNow: 280, hours: 1, spread: 3, relativeWidth: 0.5 })).toBeCloseTo(130);
  });

  it(`is carried on for at most ${RISE_HOURS} h ahead of the report, from the report on`, () => {
    expect(risingHours(-0.3)).toBe(0);
    expect(risingHours(1.5)).toBe(1.5);
    expect(risingHours(5)).toBe(RISE_HOURS);
  });
});
