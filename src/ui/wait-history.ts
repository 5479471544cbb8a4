// The selected site's wait over the last hour, a value per minute: loaded
// from the hub when the selection changes, then extended from the site's live
// reports (the view state takes them from site.telemetry events), so nothing
// polls. Minutes are clock minutes, as the hub files them.
import { useEffect, useRef, useState } from 'react';
import type { CoreClient } from '../core/client.js';
import type { SiteStatus, WaitHistory } from '../core/model.js';
import { WAIT_HISTORY_MINUTES } from '../core/vocabulary.js';

const MINUTE_MS = 60_000;

export const minuteOf = (at: Date): number => Math.floor(at.getTime() / MINUTE_MS);

/** One site's wait by minute (minutes since the epoch → wait in minutes). */
export interface WaitSeries {
  siteId: string;
  byMinute: ReadonlyMap<number, number>;
}

/** What a sparkline draws: a value per minute, oldest first, null where no report came. */
export interface WaitTrend {
  minutes: number;
  values: (number | null)[];
}

export function seriesFromHistory(history: WaitHistory): WaitSeries {
  return { siteId: history.siteId, byMinute: new Map(history.samples.map((s) => [minuteOf(new Date(s.at)), s.waitMinutes])) };
}

/** A later report in the same minute replaces the earlier one, as on the hub. */
export function withSample(series: WaitSeries, at: Date, waitMinutes: number): WaitSeries {
  const byMinute = new Map(series.byMinute);
  byMinute.set(minuteOf(at), waitMinutes);
  return { ...series, byMinute };
}

/** The hub's history under what this screen has seen live since asking for it. */
export function mergeSeries(loaded: WaitSeries, live: WaitSeries): WaitSeries {
  return { siteId: loaded.siteId, byMinute: new Map([...loaded.byMinute, ...live.byMinute]) };
}

/** The `minutes` minutes up to and including the one `now` is in. */
export function trendOf(series: WaitSeries | undefined, now: Date, minutes: number): WaitTrend {
  const last = minuteOf(now);
  const values = Array.from({ length: minutes }, (_, i) => series?.byMinute.get(last - minutes + 1 + i) ?? null);
  return { minutes, values };
}

export type WaitHistoryClient = Pick<CoreClient, 'waitHistory'>;

export interface UseWaitTrendOptions {
  /** Without one (a hub or a fake that has no history), the trend is only what arrives live. */
  client: Partial<WaitHistoryClient>;
  site: SiteStatus | undefined;
  /** The screen's clock: the window slides with it. */
  now: Date;
  /** When a live report is filed (the screen's clock, read at arrival). */
  clock?: () => Date;
  minutes?: number;
}

/** The selected site's trend, or undefined with no site selected. */
export function useWaitTrend({ client, site, now, clock = () => new Date(), minutes = WAIT_HISTORY_MINUTES.default }: UseWaitTrendOptions): WaitTrend | undefined {
  const siteId = site?.id;
  const [loaded, setLoaded] = useState<WaitSeries | undefined>(undefined);
  // Reports seen live for the current site, kept apart so a history that
  // answers late cannot overwrite them. Taken in the render that draws the
  // report, not in an effect: an effect's update would draw the whole screen
  // a second time for every report.
  const live = useRef<{ series: WaitSeries; report: string | undefined } | undefined>(undefined);
  if (siteId && live.current?.series.siteId !== siteId) live.current = { series: { siteId, byMinute: new Map() }, report: undefined };
  const wait = site?.waitMinutes;
  const report = `${site?.reportedAt}/${wait}`;
  if (live.current && wait !== null && wait !== undefined && live.current.report !== report) {
    live.current = { series: withSample(live.current.series, clock(), wait), report };
  }

  useEffect(() => {
    if (!siteId || !client.waitHistory) return;
    let current = true;
    client.waitHistory(siteId, { minutes }).then(
      (history) => {
        if (current) setLoaded(seriesFromHistory(history));
      },
      // No history (an older hub, a refusal) leaves the live part to draw.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, siteId, minutes]);

  if (!siteId || !live.current) return undefined;
  const series = loaded?.siteId === siteId ? mergeSeries(loaded, live.current.series) : live.current.series;
  return trendOf(series, now, minutes);
}
