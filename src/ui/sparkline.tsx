// A site's wait over the last hour in one line: a bar per minute scaled to
// the window's highest wait, a gap for a minute with no report, then the
// lowest, highest and latest figures.
import { Text } from 'ink';
import type { WaitTrend } from './wait-history.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const GAP = ' ';

/** One character per value; zero is the lowest bar (a report of no wait), null a gap. */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => {
      if (v === null) return GAP;
      if (max === 0) return BARS[0];
      return BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))];
    })
    .join('');
}

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

const LABEL_WIDTH = 'wait, last 60 min '.length;

/**
 * Fits `width`: when the hour and its figures do not fit, the bars show the
 * latest minutes that do, and the label says how many.
 */
export function WaitSparkline({ trend, width }: { trend: WaitTrend; width: number }) {
  const hour = trendFigures(trend.values);
  if (!hour) return <Text dimColor>{`no wait reported in the last ${trend.minutes} min`.slice(0, Math.max(0, width))}</Text>;
  // Room is reckoned with the whole window's figures (the widest they can be); those shown are the bars'.
  const room = Math.max(1, Math.min(trend.values.length, width - LABEL_WIDTH - figuresText(hour).length));
  const shown = trend.values.slice(-room);
  const figures = trendFigures(shown);
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{`wait, last ${shown.length} min `.padEnd(LABEL_WIDTH)}</Text>
      <Text color="cyan">{sparkline(shown)}</Text>
      {figures ? figuresText(figures) : '  no report'}
    </Text>
  );
}

function figuresText({ min, max, now }: TrendFigures): string {
  const round = (n: number) => String(Math.round(n));
  return `  min ${round(min)} · max ${round(max)} · now ${round(now)} min`;
}
