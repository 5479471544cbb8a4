// Erlang C against worked examples (each worked out by hand below, and by the
// textbook factorial formula as an independent oracle), against closed forms
// for one and two servers, against a discrete-event simulation of the same
// M/M/c queue, and at the edges: no traffic, no servers, overload, huge c.
import { describe, expect, it } from 'vitest';
import { erlangB, erlangBTable, erlangC, mmc, mmcFromErlangB, serviceLevel, waitPercentile } from '../../../src/hub/forecast/queueing.js';
import { STATION_PARAMS, stationWait } from '../../../src/hub/forecast/queueing-station.js';
import { simulateMmc, simulatedServiceLevel } from '../../helpers/mmc-simulation.js';

// The textbook form, C = (a^c/c! · c/(c−a)) / (Σ_{k<c} a^k/k! + a^c/c! · c/(c−a)):
// fine for the small c of the examples, and written independently of the recursion under test.
function erlangCByFactorials(c: number, a: number): number {
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

describe('Erlang C against worked examples', () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Worked Example"
  // (callcentrehelper.com): 100 calls in 30 minutes, average handling time
  // 180 s, target 80 % of calls answered within 20 s.
  //   λ = 100/1800 s⁻¹, A = λ·AHT = 10 erlangs; start at N = 11 agents.
  //   Σ_{k=0}^{10} 10^k/k! = 12 842.3 (e^10 · P[Poisson(10) ≤ 10] = 22 026.47 · 0.58304)
  //   10^11/11! · 11/(11 − 10) = 2 505.21 · 11 = 27 557.3
  //   Pw = 27 557.3 / (12 842.3 + 27 557.3) = 0.6821
  //   ASA = Pw · AHT / (N − A) = 0.6821 · 180 / 1 = 122.8 s
  //   SL(20 s) = 1 − Pw · e^{−(N − A) · 20/180} = 1 − 0.6821 · 0.8948 = 0.3896
  // and adding agents one at a time, the first N with SL ≥ 80 % is 14 (13 gives 79.6 %, 14 gives 88.8 %).
  it('reproduces the 100-calls-a-half-hour example: Pw, ASA, service level and the agents for 80/20', () => {
    const perSecond = mmc({ servers: 11, arrivalRate: 100 / 1800, serviceRate: 1 / 180 });
    expect(perSecond.offeredLoad).toBeCloseTo(10, 10);
    expect(perSecond.probabilityOfWaiting).toBeCloseTo(0.6821, 4);
    expect(perSecond.meanWait).toBeCloseTo(122.78, 2);
    expect(serviceLevel(perSecond, 20)).toBeCloseTo(0.3896, 4);
    const levels = [12, 13, 14].map((servers) => serviceLevel(mmc({ servers, arrivalRate: 100 / 1800, serviceRate: 1 / 180 }), 20));
    expect(levels[1]).toBeCloseTo(0.7956, 4);
    expect(levels[2]).toBeCloseTo(0.8884, 4);
    expect(levels.findIndex((l) => l >= 0.8) + 12).toBe(14);
  });

  // The Erlang-C walk-through used by Westbay Engineers and many calculators
  // since: 360 calls per half hour, average call 240 s, 55 agents, target 15 s.
  //   λ = 0.2 s⁻¹, A = 0.2 · 240 = 48 erlangs, occupancy 48/55 = 0.873
  //   By the factorial formula (the oracle above): Pw = 0.2387
  //   ASA = 0.2387 · 240 / (55 − 48) = 8.18 s
  //   SL(15 s) = 1 − 0.2387 · e^{−7 · 15/240} = 1 − 0.2387 · 0.6456 = 0.8459
  // (pages that print this example round along the way and show 0.24 / 8.2 s / 84–85 %.)
  it('reproduces the 360-calls, 55-agents example', () => {
    const q = mmc({ servers: 55, arrivalRate: 0.2, serviceRate: 1 / 240 });
    expect(q.utilisation).toBeCloseTo(0.8727, 4);
    expect(q.probabilityOfWaiting).toBeCloseTo(erlangCByFactorials(55, 48), 12);
    expect(q.probabilityOfWaiting).toBeCloseTo(0.2387, 4);
    expect(q.meanWait).toBeCloseTo(8.18, 2);
    expect(serviceLevel(q, 15)).toBeCloseTo(0.8459, 4);
  });

  it('agrees with the factorial formula wherever that one is safe to compute', () => {
    for (const c of [1, 2, 3, 5, 8, 13, 21, 34])
      for (const rho of [0.1, 0.5, 0.8, 0.95, 0.999]) expect(erlangC(c, c * rho)).toBeCloseTo(erlangCByFactorials(c, c * rho), 12);
  });

  // M/M/1: Pw = ρ, Wq = ρ / (μ − λ). M/M/2: Pw = 2ρ² / (1 + ρ). (Any queueing text, e.g. Kleinrock vol. 1, §3.)
  it('keeps every step of the recursion in the table the staffing search reads', () => {
    const table = erlangBTable(60, 48);
    for (const c of [0, 1, 47, 48, 49, 55, 60]) {
      expect(table[c]).toBeCloseTo(erlangB(c, 48), 14);
      const input = { servers: c, arrivalRate: 0.2, serviceRate: 1 / 240 };
      expect(mmcFromErlangB(input, table[c]!)).toEqual(mmc(input));
    }
  });

  it('matches the closed forms for one and two servers', () => {
    const one = mmc({ servers: 1, arrivalRate: 30, serviceRate: 40 });
    expect(one.probabilityOfWaiting).toBeCloseTo(0.75, 12);
    expect(one.meanWait).toBeCloseTo(0.75 / 10, 12);
    const two = mmc({ servers: 2, arrivalRate: 60, serviceRate: 40 });
    expect(two.probabilityOfWaiting).toBeCloseTo((2 * 0.75 ** 2) / 1.75, 12);
    // Erlang B for one server is a / (1 + a).
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 12);
  });
});

describe('Erlang C at the edges', () => {
  it('reports overload as unstable with an infinite wait, never NaN', () => {
    for (const [servers, arrivalRate] of [[4, 160], [4, 400], [0, 10]] as const) {
      const q = mmc({ servers, arrivalRate, serviceRate: 40 });
      expect(q.stable).toBe(false);
      expect(q.meanWait).toBe(Infinity);
      expect(q.probabilityOfWaiting).toBe(1);
      expect(serviceLevel(q, 10)).toBe(0);
      expect(waitPercentile(q, 0.9)).toBe(Infinity);
    }
  });

  it('has nobody waiting when nobody comes, even with no server', () => {
    for (const servers of [0, 1, 7]) {
      const q = mmc({ servers, arrivalRate: 0, serviceRate: 40 });
      expect([q.stable, q.meanWait, q.probabilityOfWaiting, serviceLevel(q, 0)]).toEqual([true, 0, 0, 1]);
    }
  });

  it('stays finite and exact for thousands of servers, where factorials overflow', () => {
    const q = mmc({ servers: 5000, arrivalRate: 4900, serviceRate: 1 });
    expect(Number.isFinite(q.probabilityOfWaiting)).toBe(true);
    expect(q.probabilityOfWaiting).toBeGreaterThan(0);
    expect(q.probabilityOfWaiting).toBeLessThan(0.2);
    // Square-root staffing, c = a + β√a: Pw tends to Halfin and Whitt's (1981) limit 1 / (1 + βΦ(β)/φ(β)).
    // a = 4900, c = 4999: β = 99/70 = 1.414, Φ(β) = 0.9214, φ(β) = 0.1468, so the limit is 1 / (1 + 8.876) = 0.1013.
    const halfinWhitt = mmc({ servers: 4999, arrivalRate: 4900, serviceRate: 1 }).probabilityOfWaiting;
    expect(halfinWhitt).toBeCloseTo(0.1013, 2);
  });

  it('inverts the service level with the percentile', () => {
    const q = mmc({ servers: 6, arrivalRate: 200, serviceRate: 40 });
    const p90 = waitPercentile(q, 0.9);
    expect(p90).toBeGreaterThan(0);
    expect(serviceLevel(q, p90)).toBeCloseTo(0.9, 12);
    // Fewer than 1 − p wait at all: that percentile is no wait.
    expect(waitPercentile(mmc({ servers: 10, arrivalRate: 40, serviceRate: 40 }), 0.9)).toBe(0);
  });

  it('refuses inputs that are not numbers of servers or rates', () => {
    expect(() => mmc({ servers: 2.5, arrivalRate: 1, serviceRate: 1 })).toThrow(RangeError);
    expect(() => mmc({ servers: 2, arrivalRate: Number.NaN, serviceRate: 1 })).toThrow(RangeError);
    expect(() => mmc({ servers: 2, arrivalRate: 1, serviceRate: 0 })).toThrow(RangeError);
  });
});

describe('Erlang C against a simulation of the same queue', () => {
  // 400 000 arrivals after 20 000 of warm-up, per case (well under a second each).
  // Tolerances: the mean wait within 4 standard errors of the simulation's
  // (batch means; a seed-independent check that fails one run in a thousand
  // by chance), with that standard error under 15 % of the wait so the check
  // has teeth; the probability of waiting and the service level within 0.03
  // absolute (over 20 seeds the worst miss was 0.027 at half this length).
  const cases = [
    { servers: 1, arrivalRate: 0.7, serviceRate: 1, target: 1 },
    { servers: 5, arrivalRate: 4, serviceRate: 1, target: 0.5 },
    { servers: 12, arrivalRate: 400, serviceRate: 40, target: 0.02 },
    { servers: 40, arrivalRate: 36, serviceRate: 1, target: 0.05 },
  ];
  for (const { target, ...queue } of cases) {
    it(`M/M/${queue.servers} at ρ = ${(queue.arrivalRate / (queue.servers * queue.serviceRate)).toFixed(2)}`, () => {
      const model = mmc(queue);
      const sim = simulateMmc({ ...queue, arrivals: 420_000, warmUp: 20_000, seed: 15 });
      expect(sim.meanWaitStandardError / model.meanWait).toBeLessThan(0.15);
      expect(Math.abs(sim.meanWait - model.meanWait)).toBeLessThan(4 * sim.meanWaitStandardError);
      expect(Math.abs(sim.probabilityOfWaiting - model.probabilityOfWaiting)).toBeLessThan(0.03);
      expect(Math.abs(simulatedServiceLevel(sim, target) - serviceLevel(model, target))).toBeLessThan(0.03);
    });
  }
});

describe('a passport hall of counters and e-gates', () => {
  const air = STATION_PARAMS.air;

  it('sends the eligible share to the gates and weights each pool by who uses it', () => {
    const hall = stationWait({ arrivalsPerHour: 1000, countersOpen: 16, egatesInService: 4 }, air);
    expect(hall.egateShare).toBe(0.45);
    expect(hall.counters.arrivalRate).toBeCloseTo(550, 10);
    expect(hall.egates.arrivalRate).toBeCloseTo(450, 10);
    expect(hall.meanWaitMinutes).toBeCloseTo((0.55 * hall.counters.meanWait + 0.45 * hall.egates.meanWait) * 60, 10);
  });

  it('sends everyone to the counters when no gate is in service', () => {
    const hall = stationWait({ arrivalsPerHour: 600, countersOpen: 18, egatesInService: 0 }, air);
    expect(hall.egateShare).toBe(0);
    expect(hall.counters.arrivalRate).toBe(600);
    expect(hall.meanWaitMinutes).toBeCloseTo(hall.counters.meanWait * 60, 10);
  });

  it('is unstable when either pool people are sent to is overloaded', () => {
    expect(stationWait({ arrivalsPerHour: 1000, countersOpen: 10, egatesInService: 4 }, air)).toMatchObject({ stable: false, meanWaitMinutes: Infinity });
    expect(stationWait({ arrivalsPerHour: 1000, countersOpen: 30, egatesInService: 2 }, air)).toMatchObject({ stable: false, meanWaitMinutes: Infinity });
  });
});
