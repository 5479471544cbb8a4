// Remote diagnostics for people: each probe, finding, action and verification
// as one line while a run streams, the verdicts, and a sweep's summary.
import { compareOrdinal } from '../core/ordinal.js';
import type { DiagAction, DiagEvent, DiagVerdict, DiagVerdictEvent, SweepResult, SweepSummary } from '../core/model.js';
import { countOf } from './plural.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import type { RenderContext } from './view.js';

export const VERDICT_LABELS: Record<DiagVerdict, string> = {
  healthy: 'healthy',
  fixed: 'fixed remotely',
  mitigated: 'mitigated remotely',
  dispatched: 'dispatched',
  unreachable: 'unreachable',
  planned: 'planned (nothing changed)',
};

export function styleVerdict(verdict: DiagVerdict, text: string, style: Style): string {
  if (verdict === 'healthy' || verdict === 'fixed') return style.health('ok', text);
  if (verdict === 'mitigated' || verdict === 'planned') return style.health('degraded', text);
  return style.health('down', text);
}

function describeAction(a: DiagAction): string {
  const params = Object.entries(a.params).map(([k, v]) => `${k}=${v}`).join(' ');
  const name = `${a.action}${params ? ` ${params}` : ''}${a.disruptive ? ' (disruptive)' : ''}`;
  const tail = [a.replayed ? 'replayed, not repeated' : '', a.message ?? ''].filter(Boolean).join('; ');
  const what =
    a.status === 'planned' ? `would ${name}` : a.status === 'done' ? `${name}: done` : `${name}: ${a.status.replace('_', ' ')}`;
  return tail ? `${what} (${tail})` : what;
}

/** One event of a run as one line (without the verdict's own block). */
export function renderDiagEvent(event: DiagEvent, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const when = ctx.tty ? '' : `${event.at}  `;
  const line = (type: string, text: string) => `${when}${type.padEnd(8)}${event.assetId ?? '-'}  ${text}`;
  switch (event.type) {
    case 'probe': {
      const took = event.durationMs === null ? '' : ` (${Math.round(event.durationMs)} ms)`;
      return line(
        'probe',
        event.ok ? `${event.probe}: ${event.status ? style.health(event.status, event.status) : 'answered'}${took}` : style.warn(`${event.probe}: no answer (${event.error ?? 'error'})${took}`),
      );
    }
    case 'finding': {
      const f = event.finding;
      const parts = f.partsLikely.length ? `; parts likely: ${f.partsLikely.join(', ')}` : '';
      return line('finding', `${f.code}: ${f.text} [${f.cause}${f.remoteFix ? ', remote fix known' : ''}]${f.detail ? ` (${f.detail})` : ''}${parts}`);
    }
    case 'action':
      return line('action', describeAction(event.action));
    case 'verify':
      return line(
        'verify',
        event.passed
          ? style.health('ok', `after ${event.action}: passed${event.status ? ` (${event.status})` : ''}`)
          : style.warn(`after ${event.action}: not fixed${event.remaining.length ? `; still ${event.remaining.join(', ')}` : ''}`),
      );
    case 'verdict':
      return line('verdict', renderVerdictText(event, style));
    case 'error':
      return line('error', style.warn(`${event.code}: ${event.message}`));
  }
}

function renderVerdictText(v: DiagVerdictEvent, style: Style): string {
  const refs = [v.incidentId, v.dispatchId].filter(Boolean).join(' ');
  const summary = withoutVerdictWord(v.summary, v.verdict);
  return `${styleVerdict(v.verdict, VERDICT_LABELS[v.verdict], style)}${summary ? `: ${summary}` : ''}${refs ? ` [${refs}]` : ''}`;
}

/**
 * The hub's summaries often open with the verdict itself ("healthy: every check
 * passes", "dispatched WO-1: …"); after the verdict's label that word would be
 * said twice. The stored summary stays as it is: chat and --json show it alone.
 */
function withoutVerdictWord(summary: string, verdict: DiagVerdict): string {
  const m = /^(\w+)(?::\s*|\s+)/.exec(summary);
  return m && m[1] === verdict ? summary.slice(m[0].length) : summary;
}

/** After a run over several assets: how many ended which way, the ones not healthy named. */
export function renderVerdictSummary(verdicts: readonly DiagVerdictEvent[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const counts = countVerdicts(verdicts.map((v) => v.verdict));
  const notHealthy = verdicts
    .filter((v) => v.verdict !== 'healthy')
    .map((v) => `${v.assetId} (${styleVerdict(v.verdict, v.verdict, style)})`);
  const named = notHealthy.length ? `; not healthy: ${notHealthy.join(', ')}` : '';
  return `${countOf(verdicts.length, 'asset', ctx.lang)}: ${formatCounts(counts, style)}${named}`;
}

export function countVerdicts(verdicts: Iterable<DiagVerdict>): Map<DiagVerdict, number> {
  const counts = new Map<DiagVerdict, number>();
  for (const v of verdicts) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const VERDICT_ORDER: readonly DiagVerdict[] = ['healthy', 'fixed', 'mitigated', 'planned', 'dispatched', 'unreachable'];

function formatCounts(counts: ReadonlyMap<DiagVerdict, number>, style: Style): string {
  const parts = VERDICT_ORDER.filter((v) => counts.get(v)).map((v) => styleVerdict(v, `${counts.get(v)} ${VERDICT_LABELS[v]}`, style));
  return parts.length ? parts.join(', ') : 'none';
}

/** A sweep's outcome: the assets that were not healthy, then the counts. */
export function renderSweep(results: readonly SweepResult[], summary: SweepSummary, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const notable = results
    .filter((r) => r.verdict !== 'healthy')
    .sort((a, b) => VERDICT_ORDER.indexOf(b.verdict) - VERDICT_ORDER.indexOf(a.verdict) || compareOrdinal(a.assetId, b.assetId));
  const rows = notable.map((r) => [
    r.assetId,
    r.kind,
    styleVerdict(r.verdict, VERDICT_LABELS[r.verdict], style),
    r.findings.map((f) => f.code).join(', ') || '-',
    r.actions.filter((a) => a.status !== 'planned').map((a) => `${a.action}:${a.status}`).join(', ') ||
      r.actions.map((a) => `would ${a.action}`).join(', ') ||
      '-',
    r.dispatchId ?? r.incidentId ?? '-',
  ]);
  const table = rows.length
    ? renderTable(
        {
          columns: [
            { header: 'ASSET' },
            { header: 'KIND' },
            { header: 'VERDICT' },
            { header: 'FINDINGS', flex: true },
            { header: 'ACTIONS', flex: true },
            { header: 'REF' },
          ],
          rows,
        },
        { tty: ctx.tty, width: ctx.width, header: style.bold },
      )
    : '';
  if (!ctx.tty) return table;
  const total = renderSweepTotals(summary, ctx);
  return table ? `${table}\n\n${total}` : total;
}

/** One line: how many assets, how long, how each ended. */
export function renderSweepTotals(summary: SweepSummary, ctx: Pick<RenderContext, 'color' | 'lang'>): string {
  const counts = new Map<DiagVerdict, number>(VERDICT_ORDER.map((v) => [v, summary[v]]));
  return `${countOf(summary.assets, 'asset', ctx.lang)} in ${(summary.wallMs / 1000).toFixed(1)} s: ${formatCounts(counts, createStyle(ctx.color))}`;
}

/** One line of progress for stderr, redrawn in place: a bar when the total is known. */
export function renderProgress(done: number, total: number | undefined, counts: ReadonlyMap<DiagVerdict, number>, width: number): string {
  const notable = (['fixed', 'mitigated', 'dispatched', 'unreachable'] as const)
    .filter((v) => counts.get(v))
    .map((v) => `${counts.get(v)} ${v}`)
    .join(', ');
  const tail = `${done}${total === undefined ? '' : `/${total}`} assets${notable ? `  ${notable}` : ''}`;
  if (total === undefined || total <= 0) return tail;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 4));
  const filled = Math.min(barWidth, Math.round((done / total) * barWidth));
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${tail}`;
}
