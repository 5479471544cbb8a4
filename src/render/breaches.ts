// `forecast --breaches`: the sites predicted over their wait target, soonest
// first — when, how badly, and what would prevent it (counters to open,
// officers from the nearest sites with slack). Piped: one tab-separated line
// per site, for awk.
import type { ForecastBreaches, BreachWarning } from '../core/model.js';
import { createStyle } from './style.js';
import { renderTable, type Column } from './table.js';
import type { RenderContext } from './view.js';

const SOURCE_WORDS = { 'recent-telemetry': 'recent telemetry, held flat', forecast: 'the arrivals forecast' } as const;

const hhmm = (iso: string) => iso.slice(11, 16);
const worstText = (b: BreachWarning) => (b.worstWaitMinutes === null ? 'grows' : `${Math.round(b.worstWaitMinutes)} min`);
const countersText = (b: BreachWarning) =>
  `${b.countersToOpen > 0 ? `open ${b.countersToOpen}` : 'keep'} → ${b.countersAdvised}${b.advisedWithinTarget ? '' : '+'}`;
const officersText = (b: BreachWarning) => {
  if (b.officersShort === 0) return '-';
  const moved = b.officersFrom.reduce((n, d) => n + d.officers, 0);
  const from = b.officersFrom.map((d) => `${d.officers} from ${d.siteId} (${d.distanceKm} km)`).join(', ');
  return `${b.officersShort} short${from ? `: ${from}` : ''}${moved < b.officersShort ? `${from ? '; ' : ': '}${b.officersShort - moved} not found nearby` : ''}`;
};

export function renderBreaches(f: ForecastBreaches, ctx: RenderContext): string {
  if (!ctx.tty) {
    return f.breaches
      .map((b) => [b.siteId, b.kind, b.breachAt, b.breachHours, b.worstWaitMinutes ?? 'grows', b.countersOpen, b.countersAdvised, b.officersShort, b.officersFrom.map((d) => `${d.siteId}:${d.officers}`).join(',')].join('\t'))
      .join('\n');
  }
  const style = createStyle(ctx.color);
  const head = `${f.breaches.length} of ${f.sitesChecked} sites predicted over the wait target in the next ${f.hours} h (${SOURCE_WORDS[f.source]})`;
  if (f.breaches.length === 0) return head;
  const target = f.breaches[0]!.waitTargetMinutes;
  const columns: Column[] = [
    { header: 'SITE' },
    { header: 'KIND' },
    { header: 'FROM' },
    { header: 'FOR', align: 'right' },
    { header: `WORST (≤ ${target})`, align: 'right' },
    { header: 'COUNTERS' },
    { header: 'OFFICERS' },
  ];
  const rows = f.breaches.map((b) => [b.siteId, b.kind, `${hhmm(b.breachAt)}`, `${b.breachHours} h`, style.warn(worstText(b)), countersText(b), officersText(b)]);
  const legend = style.dim('FROM: the hour on the site’s clock (UTC)   grows: the queue grows all hour   N+: all N counters open and still over target');
  return [head, '', renderTable({ columns, rows }, { tty: true, width: ctx.width, header: style.bold }), legend].join('\n');
}
