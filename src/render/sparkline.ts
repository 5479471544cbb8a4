// A series in one line of text, one character a value: the watch UI's wait
// trend and the KPIs' trends draw with it. Unicode blocks by default; ASCII
// for a terminal that cannot show them. Pure: values in, a string out.

const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const ASCII = ['_', '.', '-', '~', '=', '+', '*', '#'] as const;
const GAP = ' ';

export interface SparklineOptions {
  ascii?: boolean;
  /** The value of the lowest bar (default 0, so a zero draws the lowest bar and the highest value the tallest). */
  floor?: number;
}

/** One character per value, scaled from `floor` to the highest value; null is a gap. */
export function sparkline(values: readonly (number | null)[], options: SparklineOptions = {}): string {
  const bars = options.ascii ? ASCII : BLOCKS;
  const floor = options.floor ?? 0;
  const max = Math.max(floor, ...values.map((v) => v ?? floor));
  return values
    .map((v) => {
      if (v === null) return GAP;
      if (max === floor) return bars[0];
      return bars[Math.min(bars.length - 1, Math.max(0, Math.round(((v - floor) / (max - floor)) * (bars.length - 1))))];
    })
    .join('');
}
