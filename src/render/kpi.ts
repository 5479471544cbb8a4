// The remote-resolution KPI as a few labelled lines.
import type { RemoteKpi } from '../core/model.js';
import { createStyle } from './style.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

// The command centre's promise: more than this share handled without a visit.
export const REMOTE_RESOLUTION_GOAL = 0.95;

export function formatSeconds(s: number | null): string {
  if (s === null) return '-';
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function renderRemoteKpi(k: RemoteKpi, ctx: RenderContext): string {
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
  if (!ctx.tty) return rows.map(([label, value]) => `${label}\t${value}`).join('\n');
  const pad = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(pad)}${value}`).join('\n');
}
