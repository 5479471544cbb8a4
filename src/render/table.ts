// Tables: on a terminal, aligned columns (cli-table3, no borders) fitted to
// the width by shortening the flexible columns; piped, one tab-separated line
// per row, no header, nothing truncated — what `cut` and `awk` want.
import Table from 'cli-table3';
import { visibleWidth } from './text-width.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be shortened (with …) to fit the terminal. */
  flex?: boolean;
}

export interface TableInput {
  columns: Column[];
  rows: string[][];
}

export interface TableLayout {
  tty: boolean;
  width: number;
  /** Styles the header cells on a terminal (e.g. bold); identity when colour is off. */
  header?: (s: string) => string;
}

const GAP = 2;
const MIN_FLEX = 6;

export function renderTable(input: TableInput, layout: TableLayout): string {
  if (!layout.tty) return input.rows.map((r) => r.join('\t')).join('\n');
  const widths = fitWidths(input, layout.width);
  const table = new Table({
    head: input.columns.map((c) => (layout.header ? layout.header(c.header) : c.header)),
    colWidths: widths,
    colAligns: input.columns.map((c) => c.align ?? 'left'),
    chars: NO_BORDERS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    truncate: '…',
    wordWrap: false,
  });
  for (const row of input.rows) table.push(row);
  return table
    .toString()
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n');
}

/** Natural column widths, with flexible columns shortened until the row fits. */
export function fitWidths(input: TableInput, width: number): number[] {
  const widths = input.columns.map((c, i) =>
    Math.max(visibleWidth(c.header), ...input.rows.map((r) => visibleWidth(r[i] ?? ''))),
  );
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - width;
  const flex = input.columns.map((c, i) => (c.flex ? i : -1)).filter((i) => i >= 0);
  while (excess > 0) {
    const widest = flex.filter((i) => widths[i]! > MIN_FLEX).sort((a, b) => widths[b]! - widths[a]!)[0];
    if (widest === undefined) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: ' '.repeat(GAP),
};
