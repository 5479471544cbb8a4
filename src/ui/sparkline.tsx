// A site's wait over the last hour in one line: a bar per minute scaled to
// the window's highest wait, a gap for a minute with no report, then the
// lowest, highest and latest figures.
import { Text } from 'ink';
import type { Lang } from '../render/labels.js';
import { sparkline } from '../render/sparkline.js';
import type { WaitTrend } from './wait-history.js';

export interface TrendFigures {
  min: number;
  max: number;
  /** The latest minute with a report. */
  now: number;
}

export function trendFigures(values: readonly (number | null)[]): TrendFigures | undefined {
  const reported = values.filter((v): v is number => v !== null);
  if (reported.length === 0) return undefined;
  return { min: Math.min(...reported), max: Math.max(...reported), now: reported.at(-1)! };
}

interface SparklineWords {
  window(minutes: number): string;
  figures(min: string, max: string, now: string): string;
  none(minutes: number): string;
  noneShown: string;
}

const WORDS: Record<Lang, SparklineWords> = {
  en: {
    window: (m) => `wait, last ${m} min`,
    figures: (min, max, now) => `min ${min} · max ${max} · now ${now} min`,
    none: (m) => `no wait reported in the last ${m} min`,
    noneShown: 'no report',
  },
  ar: {
    window: (m) => `الانتظار، آخر ${m} دقيقة`,
    figures: (min, max, now) => `أدنى ${min} · أعلى ${max} · الآن ${now} دقيقة`,
    none: (m) => `لم يصل انتظار في آخر ${m} دقيقة`,
    noneShown: 'لا تحديث',
  },
};

/**
 * Fits `width`: when the hour and its figures do not fit, the bars show the
 * latest minutes that do, and the label says how many.
 */
export function WaitSparkline({ trend, width, lang = 'en' }: { trend: WaitTrend; width: number; lang?: Lang }) {
  const words = WORDS[lang];
  const hour = trendFigures(trend.values);
  if (!hour) return <Text dimColor>{words.none(trend.minutes).slice(0, Math.max(0, width))}</Text>;
  const labelWidth = words.window(trend.values.length).length + 1;
  // Room is reckoned with the whole window's figures (the widest they can be); those shown are the bars'.
  const room = Math.max(1, Math.min(trend.values.length, width - labelWidth - figuresText(hour, words).length));
  const shown = trend.values.slice(-room);
  const figures = trendFigures(shown);
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{`${words.window(shown.length)} `.padEnd(labelWidth)}</Text>
      <Text color="cyan">{sparkline(shown)}</Text>
      {figures ? figuresText(figures, words) : `  ${words.noneShown}`}
    </Text>
  );
}

function figuresText({ min, max, now }: TrendFigures, words: SparklineWords): string {
  const round = (n: number) => String(Math.round(n));
  return `  ${words.figures(round(min), round(max), round(now))}`;
}
