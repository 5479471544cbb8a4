// How health, severity and SLA tones look: a colour for the eye and a glyph
// for a monochrome terminal or a colour-blind officer.
import type { Health, Severity } from '../core/vocabulary.js';
import { visibleWidth } from '../render/text-width.js';
import type { SlaTone } from './sla.js';
import type { Colour } from './styled.js';

export const HEALTH_COLOUR: Readonly<Record<Health, Colour>> = { ok: 'green', degraded: 'yellow', down: 'red' };
export const HEALTH_GLYPH: Readonly<Record<Health, string>> = { ok: '·', degraded: '▲', down: '✖' };
export const SEVERITY_COLOUR: Readonly<Record<Severity, Colour>> = { sev1: 'red', sev2: 'yellow', sev3: 'cyan', sev4: 'gray' };
export const SLA_COLOUR: Readonly<Record<SlaTone, Colour | undefined>> = { ok: undefined, amber: 'yellow', red: 'red' };

/** Cut to `width` terminal columns, marking the cut (Arabic marks take no column, so they do not count). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = visibleWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Cut to its last `width` terminal columns, marking the cut at the start (text being typed shows where the typing is). */
export function fitEnd(text: string, width: number): string {
  if (width <= 0) return '';
  if (visibleWidth(text) <= width) return text;
  return [...fit([...text].reverse().join(''), width)].reverse().join('');
}

/** Padded with spaces to `width` terminal columns (padEnd counts code units, which Arabic marks throw off). */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

/** The lines a scrolled list shows so `focus` stays on screen. */
export function scrollWindow(total: number, focus: number, rows: number): { start: number; end: number } {
  if (total <= rows) return { start: 0, end: total };
  const start = Math.max(0, Math.min(total - rows, focus - Math.floor(rows / 2)));
  return { start, end: start + rows };
}

/** HH:MM:SS on the officer's clock. */
export function clockTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;

/** ISO-8601 times in a message (the hub's refusals carry them) as the screen's clock shows times. */
export function localTimes(text: string): string {
  return text.replace(ISO_TIME, (iso) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? iso : clockTime(at);
  });
}
