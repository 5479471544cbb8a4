// The demo's survey answers: a sample of the travellers a site clears, more
// satisfied the shorter their wait, valid for POST /v1/surveys.
import { describe, expect, it } from 'vitest';
import { SurveyAnswer, type SiteTelemetry } from '../../src/core/model.js';
import { mulberry32 } from '../../src/sim/rng.js';
import { SURVEY_RESPONSE_RATE, satisfiedChance, surveyAnswers } from '../../src/sim/surveys.js';

const report = (siteId: string, waitMinutes: number, processedPerHour: number): SiteTelemetry => ({
  siteId, at: '2026-06-01T10:00:00.000Z', arrivalsPerHour: processedPerHour, queueLength: 0, waitMinutes, egatesInService: 4, countersOpen: 4, processedPerHour,
});

describe('surveyAnswers', () => {
  it('the chance of a 4 or 5 falls with the wait, never below a floor', () => {
    expect(satisfiedChance(0)).toBeGreaterThan(0.95);
    expect(satisfiedChance(30)).toBeLessThan(satisfiedChance(5));
    expect(satisfiedChance(10_000)).toBeGreaterThan(0.3);
  });

  it('about one traveller in 400 answers; a short wait satisfies far more than a long one', () => {
    const rng = mulberry32(7);
    // An hour of 400,000 travellers at each site: about 1,000 answers each.
    const answers = surveyAnswers([report('RUH', 2, 400_000), report('JED', 90, 400_000)], 3600, rng);
    const of = (site: string) => answers.filter((a) => a.siteId === site);
    const satisfied = (site: string) => of(site).filter((a) => a.score >= 4).length / of(site).length;
    expect(of('RUH').length).toBeGreaterThan(400_000 * SURVEY_RESPONSE_RATE * 0.85);
    expect(of('RUH').length).toBeLessThan(400_000 * SURVEY_RESPONSE_RATE * 1.15);
    expect(satisfied('RUH')).toBeGreaterThan(0.94);
    expect(satisfied('JED')).toBeLessThan(0.75);
    for (const a of answers.slice(0, 50)) expect(() => SurveyAnswer.parse(a)).not.toThrow();
  });

  it('a site that clears nobody (closed at night) sends nothing; the same seed, the same answers', () => {
    expect(surveyAnswers([report('RUH', 0, 0)], 3600, mulberry32(1))).toEqual([]);
    const twice = [1, 2].map(() => surveyAnswers([report('RUH', 10, 40_000)], 600, mulberry32(3)));
    expect(twice[0]).toEqual(twice[1]);
  });
});
