// How good the arrivals forecaster is, measured as the issue asks: on rolling
// origins (refit at each origin on the history before it, forecast the next
// hours, compare with what came), the mean absolute error scaled by that of
// the seasonal-naive forecast ("same hour last week") over the same points —
// MASE below 1 beats it — and the share of actuals inside the intervals.
// Used by the tests and the benches; the hub never calls it on a request.
import { fitArrivals, forecastArrivals, type ArrivalsMethod } from './arrivals-model.js';

const WEEK = 168;

export interface Evaluation {
  /** Model MAE / seasonal-naive MAE over the same points. */
  mase: number;
  /** Share of actuals within [lower, upper]. */
  coverage: number;
  modelMae: number;
  naiveMae: number;
  origins: number;
  points: number;
}

export interface EvaluationOptions {
  horizon: number;
  /** The first origin: hours of history the first fit gets (at least a week, for the naive forecast). */
  firstOrigin: number;
  /** Hours between origins. */
  originStep: number;
  method?: ArrivalsMethod;
}

export function evaluateRollingOrigin(series: readonly number[], startHour: number, options: EvaluationOptions): Evaluation {
  let modelAbs = 0;
  let naiveAbs = 0;
  let inside = 0;
  let points = 0;
  let origins = 0;
  const first = Math.max(options.firstOrigin, WEEK);
  for (let o = first; o + options.horizon <= series.length; o += options.originStep) {
    const fit = fitArrivals(series.slice(0, o), startHour, { horizon: options.horizon, ...(options.method ? { method: options.method } : {}) });
    const forecast = forecastArrivals(fit, options.horizon);
    origins++;
    forecast.forEach((f, k) => {
      const actual = series[o + k]!;
      const naive = series[o + k - WEEK]!;
      if (Number.isNaN(actual) || Number.isNaN(naive)) return;
      modelAbs += Math.abs(actual - f.mean);
      naiveAbs += Math.abs(actual - naive);
      if (actual >= f.lower && actual <= f.upper) inside++;
      points++;
    });
  }
  return {
    mase: naiveAbs > 0 ? modelAbs / naiveAbs : Number.NaN,
    coverage: points > 0 ? inside / points : Number.NaN,
    modelMae: points > 0 ? modelAbs / points : Number.NaN,
    naiveMae: points > 0 ? naiveAbs / points : Number.NaN,
    origins,
    points,
  };
}
