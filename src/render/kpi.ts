// The remote-resolution KPI as a few labelled lines.
import { KPI_TARGETS } from '../core/kpi-targets.js';
import type { KpiReport, RemoteKpi } from '../core/model.js';
import { formatKpiValue, formatSeconds, kpiTrend } from './kpi-values.js';

export { formatSeconds };
import { createStyle } from './style.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

// The command centre's promise: more than this share handled without a visit.
const REMOTE_RESOLUTION_GOAL = KPI_TARGETS.remoteResolution;

export function renderRemoteKpi(k: RemoteKpi & Partial<KpiReport>, ctx: RenderContext & { ascii?: boolean }): string {
  const style = createStyle(ctx.color);
  const rate =
    k.remoteResolutionRate === null
      ? '- (no device incidents ended yet)'
      : (k.remoteResolutionRate >= REMOTE_RESOLUTION_GOAL ? (s: string) => style.health('ok', s) : style.warn)(
          `${(k.remoteResolutionRate * 100).toFixed(1)}%`,
        ) + ` (goal ≥ ${REMOTE_RESOLUTION_GOAL * 100}%)`;
  const rows: [string, string][] = [
    ['since', ctx.tty ? `${formatTime(k.since, ctx.now, true)} (${k.since})` : k.since],
    ['until', k.until],
    ['device incidents', String(k.incidents)],
    ['fixed remotely', String(k.fixedRemotely)],
    ['mitigated remotely', String(k.mitigatedRemotely)],
    ['dispatched', String(k.dispatched)],
    ['remote resolution', rate],
    ['median time to fix', formatSeconds(k.medianSecondsToFix)],
    ['p95 time to verdict', formatSeconds(k.p95SecondsToVerdict)],
  ];
  // From hubs with the KPI framework: the period before and the trend.
  const headline = k.measures?.find((m) => m.id === k.headline && m.scope === null);
  if (headline) {
    rows.push(['period before', formatKpiValue(headline.previous, headline.unit)], ['trend', kpiTrend(headline, ctx.ascii)]);
  }
  if (!ctx.tty) return rows.map(([label, value]) => `${label}\t${value}`).join('\n');
  const pad = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(pad)}${value}`).join('\n');
}
