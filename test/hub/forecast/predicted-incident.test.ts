// The early warning's decision for one site, and the breach list as a person
// reads it: when a prediction is the same one (a breach under way an hour
// later), when it moved enough to say so, and the table and piped lines.
import { describe, expect, it } from 'vitest';
import type { BreachWarning, ForecastBreaches, Incident } from '../../../src/core/model.js';
import { decideWarning, materialChange, predictionLabels } from '../../../src/hub/forecast/predicted-incident.js';
import { freshMemory, settled } from '../../../src/hub/forecast/early-warning.js';
import { renderBreaches } from '../../../src/render/breaches.js';

const breach = (over: Partial<BreachWarning> = {}): BreachWarning => ({
  siteId: 'LND-A', kind: 'land', region: 'Eastern', asOf: '2026-11-29T10:10:00.000Z', breachAt: '2026-11-29T12:00:00.000Z', breachHours: 2,
  worstWaitMinutes: 40, worstAt: '2026-11-29T13:00:00.000Z', waitTargetMinutes: 30, countersOpen: 8, countersAdvised: 11, advisedWithinTarget: true,
  countersToOpen: 3, officersOnDuty: 8, officersShort: 3, officersFrom: [{ siteId: 'SC-NEAR', distanceKm: 15, officers: 2 }], ...over,
});
const open = (b: BreachWarning) => ({ id: 'INC-000001', labels: predictionLabels(b) }) as Incident;

describe('decideWarning', () => {
  it('opens, keeps, updates and resolves', () => {
    expect(decideWarning(undefined, undefined)).toEqual({ kind: 'none' });
    expect(decideWarning(undefined, breach())).toMatchObject({ kind: 'open' });
    expect(decideWarning(open(breach()), undefined)).toMatchObject({ kind: 'resolve' });
    // Small moves are the same prediction: 40 → 44 min, a later report.
    expect(decideWarning(open(breach()), breach({ worstWaitMinutes: 44, asOf: '2026-11-29T10:40:00.000Z' }))).toEqual({ kind: 'none' });
    expect(materialChange(predictionLabels(breach()), breach({ worstWaitMinutes: 55 }))).toBe('the worst wait is now 55 min (was 40 min)');
    expect(materialChange(predictionLabels(breach()), breach({ worstWaitMinutes: null }))).toBe('the worst wait is now a queue that grows all hour (was 40 min)');
    expect(materialChange(predictionLabels(breach()), breach({ breachAt: '2026-11-29T11:00:00.000Z' }))).toBe('the breach now starts at 11:00 (was 12:00)');
    expect(materialChange(predictionLabels(breach()), breach({ countersAdvised: 12 }))).toBe('12 counters advised now (was 11)');
  });

  it('opens only for a breach with an hour still ahead; an open one is kept through its last hour', () => {
    // The report at 10:10: a breach of the 10:00 hour alone has no hour ahead; with the 11:00 hour too, it has.
    const nowOnly = breach({ breachAt: '2026-11-29T10:00:00.000Z', breachHours: 1 });
    expect(decideWarning(undefined, nowOnly)).toEqual({ kind: 'none' });
    expect(decideWarning(undefined, breach({ breachAt: '2026-11-29T10:00:00.000Z', breachHours: 2 }))).toMatchObject({ kind: 'open' });
    expect(decideWarning(undefined, breach({ breachAt: '2026-11-29T11:00:00.000Z', breachHours: 1 }))).toMatchObject({ kind: 'open' });
    // A report on the hour has that whole hour ahead.
    expect(decideWarning(undefined, breach({ asOf: '2026-11-29T10:00:00.000Z', breachAt: '2026-11-29T10:00:00.000Z', breachHours: 1 }))).toMatchObject({ kind: 'open' });
    expect(decideWarning(open(breach()), nowOnly)).toMatchObject({ kind: 'update' });
  });

  it('a breach under way is the same one an hour later', () => {
    const underWay = breach({ breachAt: '2026-11-29T10:00:00.000Z' });
    expect(materialChange(predictionLabels(underWay), breach({ asOf: '2026-11-29T11:05:00.000Z', breachAt: '2026-11-29T11:00:00.000Z' }))).toBeUndefined();
  });
});

describe('renderBreaches', () => {
  const result: ForecastBreaches = { generatedAt: '2026-11-29T10:20:00.000Z', hours: 6, source: 'forecast', sitesChecked: 5, breaches: [breach(), breach({ siteId: 'LND-B', worstWaitMinutes: null, countersToOpen: 0, countersAdvised: 8, advisedWithinTarget: false, officersShort: 0, officersFrom: [] })] };

  it('a table on a terminal, one tab-separated line a site when piped', () => {
    const tty = renderBreaches(result, { tty: true, color: false, width: 160, lang: 'en', now: new Date(result.generatedAt) });
    expect(tty.split('\n')[0]).toBe('2 of 5 sites predicted over the wait target in the next 6 h (the arrivals forecast)');
    expect(tty).toContain('open 3 → 11');
    expect(tty).toContain('3 short: 2 from SC-NEAR (15 km); 1 not found nearby');
    expect(tty).toMatch(/LND-B .*grows .*keep → 8\+/);
    expect(renderBreaches(result, { tty: false, color: false, width: 80, lang: 'en', now: new Date() }).split('\n')).toEqual([
      'LND-A\tland\t2026-11-29T12:00:00.000Z\t2\t40\t8\t11\t3\tSC-NEAR:2',
      'LND-B\tland\t2026-11-29T12:00:00.000Z\t2\tgrows\t8\t8\t0\t',
    ]);
  });
});

describe('settled: the wait before opening and before resolving, on the site clock', () => {
  const at = (hhmm: string) => Date.parse(`2026-11-29T${hhmm}:00.000Z`);
  it('opens only once a breach has been predicted for confirmMinutes, resolves only once clear for clearMinutes', () => {
    const memory = freshMemory();
    const b = breach();
    const confirm = 30 * 60_000;
    const clear = 60 * 60_000;
    expect(settled(memory, 'k', at('10:00'), false, b, confirm, clear)).toBe('wait');
    expect(settled(memory, 'k', at('10:20'), false, b, confirm, clear)).toBe('wait');
    expect(settled(memory, 'k', at('10:30'), false, b, confirm, clear)).toBe('act');
    // Open now: a gap in the prediction waits an hour before it resolves; the breach coming back resets the wait.
    expect(settled(memory, 'k', at('11:00'), true, undefined, confirm, clear)).toBe('wait');
    expect(settled(memory, 'k', at('11:30'), true, b, confirm, clear)).toBe('act');
    expect(settled(memory, 'k', at('11:45'), true, undefined, confirm, clear)).toBe('wait');
    expect(settled(memory, 'k', at('12:30'), true, undefined, confirm, clear)).toBe('wait');
    expect(settled(memory, 'k', at('12:45'), true, undefined, confirm, clear)).toBe('act');
    // A breach that comes and goes before confirmation starts again from its return.
    expect(settled(memory, 'j', at('10:00'), false, b, confirm, clear)).toBe('wait');
    expect(settled(memory, 'j', at('10:15'), false, undefined, confirm, clear)).toBe('act');
    expect(settled(memory, 'j', at('10:35'), false, b, confirm, clear)).toBe('wait');
  });
});
