// The 992 contact centre's AI voice agent in the forecast: its share learnt
// from the line's own reported hours by hour of the day, moved by what the
// line reports now, and the queueing model fed only the callers left for a
// person — checked on a case worked by hand.
import { describe, expect, it } from 'vitest';
import type { ContactCentreTelemetry } from '../../../src/core/model.js';
import { aiShareProfile, aiSharesAhead, personShare, toPersonQueue, AI_SHARE_HALF_LIFE_HOURS } from '../../../src/hub/forecast/contact-ai-share.js';
import { predictStaffing } from '../../../src/hub/forecast/forecast-staffing.js';
import type { FlowHour } from '../../../src/hub/telemetry/flow-history.js';

const ended = (ai: number, people: number, abandoned = 0): ContactCentreTelemetry => ({ answeredByAiPerHour: ai, answeredByPeoplePerHour: people, abandonedPerHour: abandoned });
const START = 480_000; // hours since the epoch, a midnight (480000 % 24 === 0)

/** Two weeks of hours: the AI agent answers 60 % at night (hours 0–5) and 40 % by day. */
const twoWeeks = () =>
  Array.from({ length: 14 * 24 }, (_, i) => {
    const night = i % 24 < 6;
    return { hour: START + i, contactCentre: night ? ended(60, 35, 5) : ended(40, 55, 5) };
  });

describe('the AI agent’s share by hour of the day', () => {
  it('is learnt from the line’s own hours, ended-weighted, with the hours’ spread as its interval', () => {
    const profile = aiShareProfile(twoWeeks());
    expect(profile.byHourOfDay[2]).toEqual({ aiShare: 0.6, lower: 0.6, upper: 0.6 });
    expect(profile.byHourOfDay[14]!.aiShare).toBeCloseTo(0.4, 10);
    // Over all hours: (6·60 + 18·40) / (24·100).
    expect(profile.overall!.aiShare).toBeCloseTo(0.45, 10);
    expect(profile.overall!.lower).toBeCloseTo(0.4, 10);
    expect(profile.overall!.upper).toBeCloseTo(0.6, 10);
  });

  it('leaves out hours with nothing ended, and falls back to all hours where an hour of the day has too few', () => {
    const hours = [...twoWeeks().slice(0, 2), { hour: START + 2, contactCentre: ended(0, 0, 0) }, { hour: START + 3, contactCentre: null }];
    const profile = aiShareProfile(hours);
    expect(profile.byHourOfDay.every((h) => h === null)).toBe(true);
    expect(profile.overall!.aiShare).toBeCloseTo(0.6, 10);
    const ahead = aiSharesAhead(profile, undefined, START + 10, 2)!;
    expect(ahead.map((h) => h.aiShare)).toEqual([profile.overall!.aiShare, profile.overall!.aiShare]);
  });

  it('says nothing for a line that never said how its inquiries ended: every inquiry then needs a person', () => {
    expect(aiSharesAhead(aiShareProfile([]), undefined, START, 3)).toBeNull();
    expect(personShare(0)).toBe(1);
  });

  it('follows what the line reports now — an AI agent down — and fades back to the usual', () => {
    const profile = aiShareProfile(twoWeeks());
    const usual = aiSharesAhead(profile, ended(40, 55, 5), START + 14 * 24 + 12, 3)!;
    expect(usual.map((h) => h.aiShare)).toEqual([0.4, 0.4, 0.4].map((x) => expect.closeTo(x, 10)));
    // The agent answers nobody now: 0 this hour, the gap to 0.4 halved every AI_SHARE_HALF_LIFE_HOURS.
    const down = aiSharesAhead(profile, ended(0, 80, 40), START + 14 * 24 + 12, AI_SHARE_HALF_LIFE_HOURS + 1)!;
    expect(down[0]).toEqual({ aiShare: 0, lower: 0, upper: 0 });
    expect(down[AI_SHARE_HALF_LIFE_HOURS]!.aiShare).toBeCloseTo(0.2, 10);
    // Into the night the usual is 0.6: the same fading gap from there.
    const night = aiSharesAhead(profile, ended(0, 80, 40), START + 14 * 24 + 23, 2)!;
    expect(night[1]!.aiShare).toBeCloseTo(0.6 - 0.4 * 0.5 ** (1 / AI_SHARE_HALF_LIFE_HOURS), 10);
  });
});

describe('the agents’ queue', () => {
  it('takes an hour of history as its callers for a person and their wait; other hours as they are', () => {
    const hour = { arrivalsPerHour: 120, waitMeanMinutes: 0.5, contactCentre: ended(60, 55, 5) };
    expect(toPersonQueue(hour)).toEqual({ ...hour, arrivalsPerHour: 60, waitMeanMinutes: 1 });
    const port = { arrivalsPerHour: 120, waitMeanMinutes: 4, contactCentre: null };
    expect(toPersonQueue(port)).toBe(port);
  });

  it('predicts the wait and the agents to staff from the person share only (worked by hand)', () => {
    // 120 inquiries an hour, the AI agent answers half: 60 an hour for a person. Agents take a call
    // in 6 minutes (μ = 10 an hour), 8 staffed: offered load a = 60/10 = 6 erlangs.
    // Erlang B by B(k) = a·B(k−1)/(k + a·B(k−1)): B(7) = 0.18505, B(8) = 0.12188;
    // Erlang C(8) = 8·B/(8 − 6(1 − B)) = 0.97501/2.73125 = 0.35698;
    // Wq = C/(cμ − λ) = 0.35698/20 h = 1.071 min. With 7 agents C(7) = 0.61383, Wq = 0.61383/10 h = 3.68 min,
    // still within 30 min; 6 agents cannot keep up with 6 erlangs: 7 agents advised.
    const recent = [{ countersOpen: 8, egatesInService: 0 }] as FlowHour[];
    const hours = [{ hour: START, arrivalsPerHour: 120 * personShare(0.5) }];
    expect(predictStaffing({ kind: 'contact-centre' }, hours, recent)).toEqual([{ predictedWaitMinutes: 1.1, countersAdvised: 7 }]);
    // Every inquiry sent to a person (what the forecast did before): 120 an hour for 80 an hour of agents —
    // the queue grows all hour and the advice asks for every desk.
    expect(predictStaffing({ kind: 'contact-centre' }, [{ hour: START, arrivalsPerHour: 120 }], recent)).toEqual([{ predictedWaitMinutes: null, countersAdvised: 8 }]);
  });
});
