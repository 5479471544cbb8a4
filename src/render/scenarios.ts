// `scenario`'s table: the baseline and each scenario side by side, an hour a
// row — predicted wait (marked when over target) and counters advised. On a
// terminal a legend names the scenarios (A, B, …) with their totals; piped,
// one tab-separated line per hour per run, for awk.
import type { ScenarioHour, ScenarioRun, SiteScenarios } from '../core/model.js';
import { createStyle, type Style } from './style.js';
import { renderTable, type Column } from './table.js';
import type { RenderContext } from './view.js';

const BASELINE_WORDS = { 'recent-telemetry': 'recent telemetry, held flat', forecast: 'the arrivals forecast' } as const;

export function renderScenarios(s: SiteScenarios, ctx: RenderContext): string {
  const runs = [s.baseline, ...s.scenarios];
  if (!ctx.tty) return runs.flatMap((run) => run.hours.map((h) => pipedLine(run, h))).join('\n');
  const style = createStyle(ctx.color);
  const labels = ['BASE', ...s.scenarios.map((_, i) => String.fromCharCode(65 + i))];
  const first = s.baseline.hours[0]?.at ?? s.generatedAt;
  const head = [
    `${s.siteId}: the next ${s.baseline.hours.length} h from ${first.slice(0, 10)} ${first.slice(11, 16)} UTC; target: mean wait ≤ ${s.waitTargetMinutes} min; baseline: ${BASELINE_WORDS[s.baselineSource]}`,
    ...runs.map((run, i) => `  ${labels[i]!.padEnd(4)} ${run.name.padEnd(Math.max(...runs.map((r) => r.name.length)))}  ${summary(run)}`),
  ];
  const columns: Column[] = [{ header: 'HOUR' }, { header: 'ARRIVALS', align: 'right' }];
  for (const label of labels) columns.push({ header: `${label} WAIT`, align: 'right' }, { header: `${label} ADVISE`, align: 'right' });
  const rows = s.baseline.hours.map((h, i) => [
    h.at.slice(11, 16),
    String(Math.round(h.arrivalsPerHour)),
    ...runs.flatMap((run) => hourCells(run.hours[i]!, style)),
  ]);
  const legend = style.dim('! over target   grows: the queue grows all hour   N+: all N counters open and still over target');
  return [...head, '', renderTable({ columns, rows }, { tty: true, width: ctx.width, header: style.bold }), legend].join('\n');
}

function summary(run: ScenarioRun): string {
  const worst = run.worstWaitMinutes === null ? 'the queue grows' : `worst ${formatWait(run.worstWaitMinutes)}`;
  return `${run.breachHours} of ${run.hours.length} h over target, ${worst}, up to ${run.maxCountersAdvised} counters advised`;
}

function hourCells(h: ScenarioHour, style: Style): [string, string] {
  const wait = h.waitMinutes === null ? 'grows' : formatWait(h.waitMinutes);
  return [h.breach ? style.warn(`${wait} !`) : `${wait}  `, `${h.countersAdvised}${h.advisedWithinTarget ? '' : '+'}`];
}

const formatWait = (minutes: number): string => (minutes < 10 ? `${minutes.toFixed(1)} min` : `${Math.round(minutes)} min`);

function pipedLine(run: ScenarioRun, h: ScenarioHour): string {
  return [h.at, run.name, h.arrivalsPerHour, h.countersOpen, h.egatesInService, h.waitMinutes ?? 'grows', h.breach ? 'breach' : 'ok', h.countersAdvised].join('\t');
}
