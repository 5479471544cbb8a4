// Incidents as a table, and one incident with its timeline.
import type { Incident, IncidentDetail } from '../core/model.js';
import { labelsForView } from './labels.js';
import { proposalLines } from './playbooks.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatAge, formatTime } from './time.js';
import type { RenderContext } from './view.js';

/** A drill's incident says so wherever it is listed: it is not a real one. */
// A parent says how many it groups, a child under which one (when listed with --children): the queue reads as causes.
const drillTitle = (i: Incident) =>
  [
    i.drillRunId ? `[drill ${i.drillRunId}]` : '',
    i.parentId ? `[under ${i.parentId}]` : '',
    i.flapping ? '[flapping]' : '',
    i.title,
    i.childCount ? `(+${i.childCount} grouped)` : '',
  ].filter(Boolean).join(' ');

/** What `incidents list -o wide` adds: the region of the incident's site, fetched beside the list. */
export interface WideIncidentFacts {
  region?: string | null;
}

export function renderIncidentTable(incidents: (Incident & WideIncidentFacts)[], ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const wide = ctx.wide === true;
  const rows = incidents.map((i) => [
    i.id,
    style.severity(i.severity, i.severity),
    l.state(i.state),
    i.siteId ?? '-',
    drillTitle(i),
    ctx.tty ? formatAge(i.createdAt, ctx.now) : i.createdAt,
    owner(i),
    ...(wide
      ? [i.region ? l.region(i.region) : '-', i.assetId ?? '-', i.assignee ?? '-', i.acknowledgedBy?.name ?? '-', ctx.tty ? formatTime(i.createdAt, ctx.now, true) : i.createdAt]
      : []),
  ]);
  return renderTable(
    {
      columns: [
        { header: l.header('incident') },
        { header: l.header('severity') },
        { header: l.header('state') },
        { header: l.header('site') },
        { header: l.header('title'), flex: true },
        { header: l.header('age'), align: 'right' },
        { header: l.header('owner'), flex: true },
        // After the usual seven, so piped fields keep their places with -o wide too.
        ...(wide
          ? [
              { header: l.header('region'), flex: true },
              { header: l.header('asset') },
              { header: l.header('assignee'), flex: true },
              { header: l.header('acknowledgedBy'), flex: true },
              { header: l.header('opened'), align: 'right' as const },
            ]
          : []),
      ],
      rows,
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

function owner(i: Incident): string {
  return i.assignee ?? i.acknowledgedBy?.name ?? '-';
}

export function renderIncidentDetail(detail: IncidentDetail, ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const i = detail.incident;
  const field = (name: string, value: string | null | undefined) => (value ? [`${name}: ${value}`] : []);
  const lines = [
    `${style.bold(i.id)}  ${style.severity(i.severity, i.severity)}  ${l.state(i.state)}`,
    drillTitle(i),
    ...field(l.t('site'), i.siteId),
    ...field('asset', i.assetId),
    `opened: ${formatTime(i.createdAt, ctx.now, ctx.tty)} (${i.source})`,
    ...field('acknowledged by', i.acknowledgedBy && `${i.acknowledgedBy.name} ${formatTime(i.acknowledgedAt!, ctx.now, ctx.tty)}`),
    ...field('assignee', i.assignee),
    ...(i.escalations ? [`escalations: ${i.escalations}`] : []),
    ...field('resolved by', i.resolvedBy && `${i.resolvedBy.name} ${formatTime(i.resolvedAt!, ctx.now, ctx.tty)}`),
    ...field('summary', i.summary),
    ...field('grouped under', i.parentId && `${i.parentId}${i.grouping ? ` (${i.grouping === 'cause' ? 'a failing dependency' : 'the same alert at many sites'})` : ''}`),
    ...(i.flapping ? ['flapping: its alert fires and resolves repeatedly; it stays open'] : []),
    ...(detail.children?.length
      ? ['', style.bold(`grouped under it (${detail.children.length})`), ...detail.children.map((c) => `  ${c.id}  ${c.siteId ?? '-'}  ${c.assetId ?? '-'}  ${l.state(c.state)}`)]
      : []),
    '',
    style.bold(l.t('timeline')),
    ...detail.timeline.map(
      (t) => `  ${formatTime(t.at, ctx.now, ctx.tty)}  ${t.kind}  ${t.actor.name} (${t.channel})${t.text ? `  ${t.text}` : ''}`,
    ),

    ...(detail.playbooks?.length ? ['', style.bold('proposed playbooks'), ...proposalLines(detail.playbooks, ctx)] : []),
  ];
  return lines.join('\n');
}
