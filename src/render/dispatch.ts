// Work orders for technicians: a table, and one order as it is handed over.
import type { DiagAction, Dispatch, DispatchPriority } from '../core/model.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import { formatAge, formatTime } from './time.js';
import type { RenderContext } from './view.js';

function stylePriority(p: DispatchPriority, style: Style): string {
  return style.severity(p === 'P1' ? 'sev1' : p === 'P2' ? 'sev2' : p === 'P3' ? 'sev3' : 'sev4', p);
}

export function renderDispatchTable(dispatches: readonly Dispatch[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const rows = dispatches.map((d) => [
    d.id,
    stylePriority(d.priority, style),
    d.state,
    d.assetId,
    d.incidentId,
    d.findings.map((f) => f.code).join(', ') || '-',
    d.partsLikely.join(', ') || '-',
    ctx.tty ? formatAge(d.createdAt, ctx.now) : d.createdAt,
  ]);
  return renderTable(
    {
      columns: [
        { header: 'DISPATCH' },
        { header: 'PRI' },
        { header: 'STATE' },
        { header: 'ASSET' },
        { header: 'INCIDENT' },
        { header: 'FINDINGS', flex: true },
        { header: 'PARTS', flex: true },
        { header: 'AGE', align: 'right' },
      ],
      rows,
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

function actionLine(a: DiagAction): string {
  const verified = a.verified === null ? '' : a.verified ? ', verified' : ', not verified';
  return `  ${a.action}: ${a.status.replace('_', ' ')}${verified}${a.message ? ` (${a.message})` : ''}`;
}

export function renderDispatchDetail(d: Dispatch, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const lines = [
    `${style.bold(d.id)}  ${stylePriority(d.priority, style)}  ${d.state}`,
    `asset: ${d.assetId}`,
    `site: ${d.siteId ?? '-'}`,
    `incident: ${d.incidentId}`,
    `opened: ${formatTime(d.createdAt, ctx.now, ctx.tty)} by ${d.createdBy.name}`,
    ...(d.closedAt ? [`closed: ${formatTime(d.closedAt, ctx.now, ctx.tty)}${d.closedBy ? ` by ${d.closedBy.name}` : ''}`] : []),
    ...(d.note ? [`note: ${d.note}`] : []),
    '',
    style.bold('findings'),
    ...(d.findings.length
      ? d.findings.map((f) => `  ${f.code}: ${f.text}${f.detail ? ` (${f.detail})` : ''}`)
      : ['  none']),
    style.bold('tried remotely'),
    ...(d.actionsTried.length ? d.actionsTried.map(actionLine) : ['  nothing']),
    style.bold('parts likely'),
    `  ${d.partsLikely.length ? d.partsLikely.join(', ') : 'none named'}`,
  ];
  return lines.join('\n');
}
