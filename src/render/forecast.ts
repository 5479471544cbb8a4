// A site's arrivals forecast in a terminal: a header saying what it rests on,
// a sparkline of the hours ahead, then one line an hour with a bar drawn to
// scale, the forecast and its interval, and the calendar's peaks. Piped, it
// is plain tab-separated lines, one an hour, nothing drawn. A contact
// centre's hours also say the share its AI agent is forecast to answer (and
// so the waits and agents advised are for the rest). Pure.
import type { SiteForecast } from '../core/model.js';
import { createStyle } from './style.js';
import type { RenderContext } from './view.js';

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** Values as a line of block characters, the largest a full block. */
export function sparkline(values: readonly number[], max = Math.max(0, ...values)): string {
  return values.map((v) => SPARKS[max > 0 ? Math.min(SPARKS.length - 1, Math.floor((v / max) * (SPARKS.length - 1) + 0.5)) : 0]).join('');
}

/** A horizontal bar `width` cells long at `max`, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  const eighths = max > 0 ? Math.round((Math.max(0, value) / max) * width * 8) : 0;
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (share: number) => `${Math.round(share * 100)}%`;
/** 2026-12-06T11:00:00.000Z → 2026-12-06 11:00 */
const hourLabel = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

export function renderSiteForecast(f: SiteForecast, ctx: RenderContext): string {
  if (f.hours.length === 0) return `${f.siteId}: no flow history yet — the forecast needs the site's telemetry`;
  const staffed = f.hours.some((h) => h.countersAdvised !== null);
  const ai = f.hours.some((h) => h.aiShare !== undefined);
  if (!ctx.tty) {
    const head = ['at', 'arrivalsPerHour', 'lower', 'upper', ...(staffed ? ['predictedWaitMinutes', 'countersAdvised'] : []), ...(ai ? ['aiShare', 'aiShareLower', 'aiShareUpper', 'personArrivalsPerHour'] : []), 'peaks'];
    const rows = f.hours.map((h) =>
      [
        h.at, h.arrivalsPerHour, h.lower, h.upper,
        ...(staffed ? [h.predictedWaitMinutes ?? '', h.countersAdvised ?? ''] : []),
        ...(ai ? [h.aiShare ?? '', h.aiShareLower ?? '', h.aiShareUpper ?? '', h.personArrivalsPerHour ?? ''] : []),
        h.peaks.join('; '),
      ].join('\t'),
    );
    return [head.join('\t'), ...rows].join('\n');
  }
  const style = createStyle(ctx.color);
  const pct = Math.round(f.interval * 100);
  const header = [
    style.bold(`${f.siteId} arrivals per hour, next ${f.hours.length} h from ${hourLabel(f.from!)} UTC (site clock)`),
    style.dim(`${f.method} on ${f.historyHours} h of history · ${pct}% interval · peaks from ${f.calendar}`),
    ...(ai ? [style.dim('AI agent: its forecast share of inquiries; waits and agents advised are for the callers left for a person')] : []),
    sparkline(f.hours.map((h) => h.arrivalsPerHour)),
  ];
  const max = Math.max(...f.hours.map((h) => h.upper), ...f.hours.map((h) => h.arrivalsPerHour));
  const numbers = f.hours.map((h) => ({
    mean: count(h.arrivalsPerHour),
    range: `${count(h.lower)}–${count(h.upper)}`,
    staffing: staffed ? `${h.predictedWaitMinutes === null ? '-' : `${Math.round(h.predictedWaitMinutes)} min`} · ${h.countersAdvised ?? '-'} ${ai ? (h.countersAdvised === 1 ? 'agent' : 'agents') : 'counters'}` : '',
    ai: h.aiShare === undefined ? '' : `AI ${percent(h.aiShare)} (${percent(h.aiShareLower!)}–${percent(h.aiShareUpper!)}) · ${count(h.personArrivalsPerHour!)} to people`,
  }));
  const meanWidth = Math.max(...numbers.map((n) => n.mean.length));
  const rangeWidth = Math.max(...numbers.map((n) => n.range.length));
  const fixed = 16 + 2 + meanWidth + 2 + rangeWidth + 2;
  const barWidth = Math.max(8, Math.min(40, ctx.width - fixed - 24));
  const lines = f.hours.map((h, i) => {
    const n = numbers[i]!;
    const extras = [n.ai, n.staffing, h.peaks.join(', ')].filter(Boolean).join('  ');
    return `${hourLabel(h.at)}  ${n.mean.padStart(meanWidth)}  ${style.dim(n.range.padEnd(rangeWidth))}  ${bar(h.arrivalsPerHour, max, barWidth).padEnd(barWidth)}${extras ? `  ${style.warn(extras)}` : ''}`;
  });
  return [...header, '', ...lines].join('\n');
}
