// A KPI's period: the one asked for, the one of the same length just before
// it (to compare against), and the equal buckets its trend is drawn in.
export const TREND_BUCKETS = 24;

export interface KpiPeriod {
  sinceMs: number;
  untilMs: number;
  previousSinceMs: number;
  bucketMs: number;
  buckets: number;
}

export function kpiPeriod(since: string, until: string, buckets = TREND_BUCKETS): KpiPeriod {
  const sinceMs = Date.parse(since);
  const untilMs = Date.parse(until);
  const length = Math.max(1, untilMs - sinceMs);
  return { sinceMs, untilMs: sinceMs + length, previousSinceMs: sinceMs - length, bucketMs: length / buckets, buckets };
}

/** The buckets' [from, to) in milliseconds, oldest first. */
export function bucketsOf(period: KpiPeriod): { from: number; to: number }[] {
  return Array.from({ length: period.buckets }, (_, i) => ({
    from: period.sinceMs + i * period.bucketMs,
    to: i === period.buckets - 1 ? period.untilMs : period.sinceMs + (i + 1) * period.bucketMs,
  }));
}

export const iso = (ms: number) => new Date(ms).toISOString();
