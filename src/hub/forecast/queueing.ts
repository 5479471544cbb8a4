// Erlang C: the M/M/c queue the staffing advice and the scenarios are worked
// out with. Pure arithmetic, no store: a forecast hour goes in, a predicted
// wait comes out. Erlang B is computed by its recursion rather than with
// factorials and powers, so a land port with a hundred lanes (or a contact
// centre with a thousand agents) neither overflows nor loses precision.
// Time is in whatever unit the rates are given in (the hub uses per hour).

/** One pool of identical servers fed by one Poisson stream. */
export interface MmcInput {
  servers: number;
  /** Arrivals per unit time. */
  arrivalRate: number;
  /** Services one server completes per unit time (1 / mean service time). */
  serviceRate: number;
}

/**
 * What Erlang C predicts for one pool. `stable` is false when utilisation is 1
 * or more (or nobody serves people who keep coming): the queue grows without
 * bound, so everyone waits and the mean wait is Infinity — never NaN.
 */
export interface MmcResult {
  servers: number;
  arrivalRate: number;
  serviceRate: number;
  /** λ/μ in erlangs: how many servers the traffic would keep busy. */
  offeredLoad: number;
  /** λ/(cμ); Infinity with no servers and arrivals, 0 with no arrivals. */
  utilisation: number;
  stable: boolean;
  /** Erlang C: the share of arrivals that find every server busy. */
  probabilityOfWaiting: number;
  /** Wq, the mean time in the queue (before service) over all arrivals. */
  meanWait: number;
}

/** Erlang B (the blocking probability of M/M/c/c) by B(k) = a·B(k−1) / (k + a·B(k−1)), B(0) = 1. */
export function erlangB(servers: number, offeredLoad: number): number {
  checkServers(servers);
  checkRate(offeredLoad, 'offered load');
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang B for every number of servers from 0 to maxServers: the recursion's
 * own steps, kept. The staffing search reads each candidate's from here
 * instead of running the recursion again for each.
 */
export function erlangBTable(maxServers: number, offeredLoad: number): Float64Array {
  checkServers(maxServers);
  checkRate(offeredLoad, 'offered load');
  const table = new Float64Array(maxServers + 1);
  table[0] = 1;
  for (let k = 1; k <= maxServers; k++) table[k] = (offeredLoad * table[k - 1]!) / (k + offeredLoad * table[k - 1]!);
  return table;
}

/** Erlang C, the probability of waiting: c·B / (c − a(1 − B)); 1 when a ≥ c (every arrival waits, eventually forever). */
export function erlangC(servers: number, offeredLoad: number): number {
  checkServers(servers);
  checkRate(offeredLoad, 'offered load');
  return erlangCFromB(servers, offeredLoad, erlangB(servers, offeredLoad));
}

export function mmc(input: MmcInput): MmcResult {
  checkServers(input.servers);
  checkRate(input.arrivalRate, 'arrival rate');
  return mmcFromErlangB(input, erlangB(input.servers, input.arrivalRate / checkServiceRate(input.serviceRate)));
}

/** As mmc, with Erlang B for these servers and this load already known (erlangBTable). */
export function mmcFromErlangB({ servers, arrivalRate, serviceRate }: MmcInput, erlangBValue: number): MmcResult {
  const offeredLoad = arrivalRate / checkServiceRate(serviceRate);
  const utilisation = arrivalRate === 0 ? 0 : servers === 0 ? Infinity : offeredLoad / servers;
  const stable = utilisation < 1;
  const probabilityOfWaiting = stable ? erlangCFromB(servers, offeredLoad, erlangBValue) : 1;
  const meanWait = arrivalRate === 0 ? 0 : stable ? probabilityOfWaiting / (servers * serviceRate - arrivalRate) : Infinity;
  return { servers, arrivalRate, serviceRate, offeredLoad, utilisation, stable, probabilityOfWaiting, meanWait };
}

function erlangCFromB(servers: number, offeredLoad: number, b: number): number {
  if (offeredLoad === 0) return 0;
  if (offeredLoad >= servers) return 1;
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** The share of arrivals who wait no longer than `target`: 1 − C·e^(−(cμ−λ)t). 0 when unstable. */
export function serviceLevel(queue: MmcResult, target: number): number {
  if (!(target >= 0)) throw new RangeError(`target must be a non-negative number, not ${target}`);
  if (!queue.stable) return 0;
  if (queue.probabilityOfWaiting === 0) return 1;
  return 1 - queue.probabilityOfWaiting * Math.exp(-drainRate(queue) * target);
}

/**
 * The wait that a share `p` of arrivals do not exceed (p = 0.9: the 90th
 * percentile): the inverse of serviceLevel, 0 when at least p are served at
 * once, Infinity when unstable.
 */
export function waitPercentile(queue: MmcResult, p: number): number {
  if (!(p >= 0 && p < 1)) throw new RangeError(`percentile must be in [0, 1), not ${p}`);
  if (!queue.stable) return Infinity;
  if (queue.probabilityOfWaiting <= 1 - p) return 0;
  return Math.log(queue.probabilityOfWaiting / (1 - p)) / drainRate(queue);
}

// cμ − λ: the rate at which a waiting arrival's remaining wait runs out.
const drainRate = (q: MmcResult): number => q.servers * q.serviceRate - q.arrivalRate;

function checkServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number ≥ 0, not ${servers}`);
}

function checkServiceRate(rate: number): number {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`service rate must be a positive number, not ${rate}`);
  return rate;
}

function checkRate(value: number, what: string): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a finite number ≥ 0, not ${value}`);
}
