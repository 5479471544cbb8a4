// The arrivals forecaster's model: additive double-seasonal Holt-Winters
// (Taylor 2003, "Short-term electricity demand forecasting using double
// seasonal exponential smoothing", J. Oper. Res. Soc. 54:799–805) — a level,
// a 24-hour and a 168-hour seasonal, each smoothed at its own rate.
//
// Why this one: hourly passenger arrivals have exactly these two cycles
// (flight banks and opening hours within the day, the weekend within the
// week); it updates in O(1) per hour, so a site's eight weeks refit in well
// under a millisecond per parameter set; it copes with gaps (a missing hour
// is simply not learnt from); and it degrades gracefully with short history
// (daily season only, then a flat level). MSTL+ETS or TBATS would need
// decompositions and optimisers for no gain on series this regular. Known
// peaks (Hajj, Ramadan) are taken out before fitting and put back after, by
// the calendar's factors (peak-calendar.ts), since eight weeks of history
// cannot hold last year's Hajj. Parameters are chosen from a small grid on the
// forecasts' own error at the horizons asked for, and the prediction
// intervals are quantiles of those rolling-origin errors per horizon.
//
// Pure: numbers in, numbers out. Series are hourly, NaN where no report came.

const DAY = 24;
const WEEK = 168;

export type ArrivalsMethod = 'double-seasonal' | 'daily-seasonal' | 'flat';

export interface SmoothingParams {
  alpha: number; // level
  delta: number; // daily season
  omega: number; // weekly season
}

/** Hours of history each method needs at least (counted from the first to the last hour). */
export const MIN_HOURS: Record<ArrivalsMethod, number> = { 'double-seasonal': 2 * WEEK, 'daily-seasonal': 2 * DAY, flat: 1 };

const ALPHAS = [0.01, 0.04, 0.15, 0.4];
const DELTAS = [0.02, 0.08, 0.25];
const OMEGAS = [0.02, 0.08, 0.25];

/** The central interval the forecast reports: 90 % (5th to 95th percentile of the errors). */
export const INTERVAL = { lower: 0.05, upper: 0.95, coverage: 0.9 } as const;

export interface ArrivalsFit {
  method: ArrivalsMethod;
  params: SmoothingParams;
  /** The hour (since the epoch) the next forecast starts at: one past the series' last. */
  nextHour: number;
  level: number;
  /** By hour since the epoch mod 24 and mod 168. */
  daily: Float64Array;
  weekly: Float64Array;
  /** Rolling-origin forecast errors (actual − forecast, over errorScale(forecast)) by horizon − 1. */
  errors: number[][];
}

export interface ArrivalsPoint {
  hour: number;
  mean: number;
  lower: number;
  upper: number;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/**
 * The unit a forecast's errors are kept in: √(forecast + 1) travellers, a
 * count's own spread (Poisson), which grows with its level. Kept in
 * travellers, one interval served every hour of the day: at a service centre
 * — shut three hours in four, forecast and actual both nought — the morning
 * peak's 90 % interval was ±2 around 35 an hour, and each busy morning's
 * ordinary ten more read as a surge (the nowcast's band, site-prediction.ts).
 */
export const errorScale = (forecast: number): number => Math.sqrt(Math.max(0, forecast) + 1);

/** Which method the history allows: the first to the last reported hour. */
export function methodFor(series: readonly number[]): ArrivalsMethod {
  const first = series.findIndex((y) => !Number.isNaN(y));
  if (first < 0) return 'flat';
  let last = series.length - 1;
  while (Number.isNaN(series[last]!)) last--;
  const span = last - first + 1;
  return span >= MIN_HOURS['double-seasonal'] ? 'double-seasonal' : span >= MIN_HOURS['daily-seasonal'] ? 'daily-seasonal' : 'flat';
}

interface State {
  level: number;
  daily: Float64Array;
  weekly: Float64Array;
}

/** Starting values from the first two weeks (or what there is): the mean, then hour-of-day and hour-of-week means of what is left. */
function initialState(series: readonly number[], startHour: number, method: ArrivalsMethod): State {
  const window = series.slice(0, Math.min(series.length, 2 * WEEK));
  const seen = window.filter((y) => !Number.isNaN(y));
  const level = seen.length > 0 ? seen.reduce((a, b) => a + b, 0) / seen.length : 0;
  const daily = new Float64Array(DAY);
  const weekly = new Float64Array(WEEK);
  if (method === 'flat') return { level, daily, weekly };
  const meanBy = (period: number, value: (y: number, hour: number) => number) => {
    const sum = new Float64Array(period);
    const count = new Float64Array(period);
    window.forEach((y, i) => {
      if (Number.isNaN(y)) return;
      const p = mod(startHour + i, period);
      sum[p]! += value(y, startHour + i);
      count[p]! += 1;
    });
    return sum.map((s, p) => (count[p]! > 0 ? s / count[p]! : 0));
  };
  daily.set(meanBy(DAY, (y) => y - level));
  if (method === 'double-seasonal') weekly.set(meanBy(WEEK, (y, hour) => y - level - daily[mod(hour, DAY)]!));
  return { level, daily, weekly };
}

const forecastAt = (s: State, hour: number) => s.level + s.daily[mod(hour, DAY)]! + s.weekly[mod(hour, WEEK)]!;

/** The fit's level and seasons at `hour`, never negative: for an hour already fitted, what the model took as usual then. */
export const fittedArrivals = (fit: ArrivalsFit, hour: number): number => Math.max(0, forecastAt(fit, hour));

/**
 * One pass of the recursions over the series. Every `originStep` hours from
 * `firstOrigin` on, the forecasts for the next `horizon` hours are scored
 * against what came (their absolute errors summed); with `keepErrors`,
 * errors[h − 1] collects each actual − forecast. Indices into the seasons
 * advance with the hour rather than being taken modulo at each use: this
 * loop is the forecaster's whole cost.
 */
function run(
  series: readonly number[],
  startHour: number,
  method: ArrivalsMethod,
  p: SmoothingParams,
  scoring: { firstOrigin: number; originStep: number; horizon: number },
  keepErrors: boolean,
) {
  const s = initialState(series, startHour, method);
  const { daily, weekly } = s;
  const errors: number[][] = keepErrors ? Array.from({ length: scoring.horizon }, () => []) : [];
  let absSum = 0;
  let d = mod(startHour, DAY);
  let w = mod(startHour, WEEK);
  const n = series.length;
  for (let i = 0; i < n; i++) {
    if (i >= scoring.firstOrigin && (i - scoring.firstOrigin) % scoring.originStep === 0) {
      let fd = d;
      let fw = w;
      const last = Math.min(scoring.horizon, n - i);
      for (let h = 0; h < last; h++) {
        const actual = series[i + h]!;
        if (!Number.isNaN(actual)) {
          const f = s.level + daily[fd]! + weekly[fw]!;
          const e = actual - f;
          if (keepErrors) errors[h]!.push(e / errorScale(f));
          absSum += Math.abs(e);
        }
        fd = fd === DAY - 1 ? 0 : fd + 1;
        fw = fw === WEEK - 1 ? 0 : fw + 1;
      }
    }
    const y = series[i]!;
    if (!Number.isNaN(y)) {
      s.level = p.alpha * (y - daily[d]! - weekly[w]!) + (1 - p.alpha) * s.level;
      if (method !== 'flat') daily[d] = p.delta * (y - s.level - weekly[w]!) + (1 - p.delta) * daily[d]!;
      if (method === 'double-seasonal') weekly[w] = p.omega * (y - s.level - daily[d]!) + (1 - p.omega) * weekly[w]!;
    }
    d = d === DAY - 1 ? 0 : d + 1;
    w = w === WEEK - 1 ? 0 : w + 1;
  }
  return { state: s, errors, absSum };
}

/**
 * Hours between scoring origins: 7, prime to the day, so over a week each
 * horizon's errors are measured from every hour of the day. Every 6 hours,
 * the next hour's forecast was only ever scored at the same four hours of the
 * day — at a service centre, hours it is shut — and the interval the nowcast
 * reads a report against (site-prediction.ts) came from them.
 */
export const ORIGIN_STEP_HOURS = 7;

/** The values each parameter may take under a method (a parameter a method lacks stays 0). */
function choices(method: ArrivalsMethod): Record<keyof SmoothingParams, number[]> {
  return { alpha: ALPHAS, delta: method === 'flat' ? [0] : DELTAS, omega: method === 'double-seasonal' ? OMEGAS : [0] };
}

export interface FitOptions {
  /** Hours ahead the forecasts will be asked for: parameters are chosen, and errors kept, for these. */
  horizon: number;
  /** Force a method (evaluation); by default the longest the history allows. */
  method?: ArrivalsMethod;
  /** With `method`: these parameters, not searched for (one pass: a refit on an hour more of the same series). */
  params?: SmoothingParams;
}

/** The methods simpler than `method`, richest first: what a fit may fall back on. */
const SIMPLER: Record<ArrivalsMethod, ArrivalsMethod[]> = { 'double-seasonal': ['daily-seasonal', 'flat'], 'daily-seasonal': ['flat'], flat: [] };

type Scoring = { firstOrigin: number; originStep: number; horizon: number };

/**
 * One method's parameters: one parameter at a time over its values, the
 * others held (10 passes, not the 36 of the full grid: it finds the same or
 * a near neighbour here and keeps a fleet's refit within the early-warning
 * bench's budget). Returns them with their scored error.
 */
function chooseParams(series: readonly number[], startHour: number, method: ArrivalsMethod, scoring: Scoring): { params: SmoothingParams; error: number } {
  const values = choices(method);
  let params: SmoothingParams = { alpha: values.alpha[1]!, delta: values.delta[1] ?? 0, omega: values.omega[1] ?? 0 };
  let best = run(series, startHour, method, params, scoring, false).absSum;
  for (const key of ['alpha', 'delta', 'omega'] as const) {
    for (const value of values[key]) {
      if (value === params[key]) continue;
      const candidate = { ...params, [key]: value };
      const tried = run(series, startHour, method, candidate, scoring, false).absSum;
      if (tried < best) {
        params = candidate;
        best = tried;
      }
    }
  }
  return { params, error: best };
}

/**
 * Fits the model to an hourly series whose first value is the hour
 * `startHour` (hours since the epoch). Scoring origins are every ORIGIN_STEP_HOURS over
 * the last four weeks (or what follows the warm-up of the richest method the
 * history allows), so the choice and the intervals reflect recent
 * behaviour. Unless told the method, a simpler one replaces the richest
 * when it forecasts the same origins strictly better: a series of rare
 * ferries or of a few callers has no daily shape to learn, only noise to
 * chase, and a level forecasts it better than a season does.
 */
export function fitArrivals(series: readonly number[], startHour: number, options: FitOptions): ArrivalsFit {
  const richest = options.method ?? methodFor(series);
  const warmUp = richest === 'double-seasonal' ? WEEK : richest === 'daily-seasonal' ? DAY : 1;
  const scoring = { firstOrigin: Math.max(warmUp, series.length - 4 * WEEK), originStep: ORIGIN_STEP_HOURS, horizon: options.horizon };
  if (options.method && options.params) {
    const kept = run(series, startHour, options.method, options.params, scoring, true);
    return { method: options.method, params: options.params, nextHour: startHour + series.length, ...kept.state, errors: kept.errors };
  }
  let method = richest;
  let { params, error } = chooseParams(series, startHour, richest, scoring);
  for (const simpler of options.method ? [] : SIMPLER[richest]) {
    const tried = chooseParams(series, startHour, simpler, scoring);
    if (tried.error < error) ({ method, params, error } = { method: simpler, ...tried });
  }
  const result = run(series, startHour, method, params, scoring, true);
  return { method, params, nextHour: startHour + series.length, ...result.state, errors: result.errors };
}

/** The q-quantile of sorted values, interpolated between neighbours; 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The next `hours` hours from the fit. Intervals add the error quantiles of
 * the same horizon (in the hour's own errorScale); with fewer than 20 errors at a horizon, those of all
 * horizons up to it are pooled; with none, ±50 % of the level stands in.
 * Arrivals are never negative.
 */
export function forecastArrivals(fit: ArrivalsFit, hours: number): ArrivalsPoint[] {
  const points: ArrivalsPoint[] = [];
  for (let h = 1; h <= hours; h++) {
    const hour = fit.nextHour + h - 1;
    const mean = Math.max(0, forecastAt(fit, hour));
    let errs = fit.errors[Math.min(h, fit.errors.length) - 1] ?? [];
    if (errs.length < 20) errs = fit.errors.slice(0, h).flat();
    const sorted = [...errs].sort((a, b) => a - b);
    const spread = Math.abs(fit.level) * 0.5;
    const lowerErr = sorted.length > 0 ? quantile(sorted, INTERVAL.lower) * errorScale(mean) : -spread;
    const upperErr = sorted.length > 0 ? quantile(sorted, INTERVAL.upper) * errorScale(mean) : spread;
    points.push({ hour, mean, lower: Math.max(0, mean + Math.min(0, lowerErr)), upper: Math.max(0, mean + Math.max(0, upperErr)) });
  }
  return points;
}
