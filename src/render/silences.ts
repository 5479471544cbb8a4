// Silences and maintenance windows as a table and as --json: what is silenced
// (site, asset, label matchers in Alertmanager's notation), when, why, by whom,
// and how many alerts it took.
import type { Silence, SilencedAlert } from '../core/model.js';
import { pick } from './pick.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

export const SILENCE_FIELDS = [
  'id', 'kind', 'state', 'siteId', 'assetId', 'matchers', 'startsAt', 'endsAt', 'reason', 'createdAt', 'createdBy',
  'expiredAt', 'expiredBy', 'drillRunId', 'alertsSilenced',
] as const satisfies readonly (keyof Silence)[];

export const silenceJson = (s: Silence) => pick(s, SILENCE_FIELDS);

/** What a silence holds, as one line: site=RUH asset=RUH/egate-07 alertname=~Link.* */
export function silenceScope(s: Pick<Silence, 'siteId' | 'assetId' | 'matchers'>): string {
  return [
    ...(s.siteId ? [`site=${s.siteId}`] : []),
    ...(s.assetId ? [`asset=${s.assetId}`] : []),
    ...s.matchers.map((m) => `${m.label}${m.op}${m.value}`),
  ].join(' ');
}

export function renderSilenceTable(silences: readonly Silence[], ctx: RenderContext): string {
  const when = (iso: string) => formatTime(iso, ctx.now, ctx.tty);
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [
        { header: 'ID' },
        { header: 'STATE' },
        { header: 'SCOPE' },
        { header: 'FROM' },
        { header: 'UNTIL' },
        { header: 'ALERTS' },
        { header: 'BY' },
        { header: 'REASON', flex: true },
      ],
      rows: silences.map((s) => [
        s.id,
        s.state === 'active' ? style.warn(s.state) : s.state,
        silenceScope(s),
        when(s.startsAt),
        when(s.expiredAt !== null && s.expiredAt < s.endsAt ? s.expiredAt : s.endsAt),
        String(s.alertsSilenced),
        s.createdBy.name,
        s.reason,
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

/** `silence show`: the silence as a short sheet, then the alerts it took (newest first). */
export function renderSilenceDetail(view: { silence: Silence; alerts: readonly SilencedAlert[] }, ctx: RenderContext): string {
  const { silence: s, alerts } = view;
  const when = (iso: string) => formatTime(iso, ctx.now, ctx.tty);
  const style = createStyle(ctx.color);
  const ended = s.expiredAt !== null && s.expiredAt < s.endsAt;
  const lines = [
    `${style.bold(s.id)}  ${s.kind}  ${s.state === 'active' ? style.warn(s.state) : s.state}`,
    `scope: ${silenceScope(s) || '-'}`,
    `from: ${when(s.startsAt)}`,
    ended ? `ended: ${when(s.expiredAt!)}${s.expiredBy ? ` by ${s.expiredBy.name}` : ''} (was until ${when(s.endsAt)})` : `until: ${when(s.endsAt)}`,
    `by: ${s.createdBy.name}, ${when(s.createdAt)}`,
    `reason: ${s.reason}`,
    ...(s.drillRunId ? [`drill run: ${s.drillRunId}`] : []),
    '',
    style.bold(`alerts taken: ${s.alertsSilenced}`),
  ];
  if (alerts.length === 0) return [...lines, '  none'].join('\n');
  const table = renderTable(
    {
      columns: [{ header: 'STATUS' }, { header: 'SEVERITY' }, { header: 'SITE' }, { header: 'ASSET' }, { header: 'SEEN' }, { header: 'LAST' }, { header: 'TITLE', flex: true }],
      rows: alerts.map((a) => [a.status, a.severity, a.siteId ?? '-', a.assetId ?? '-', String(a.count), when(a.lastAt), a.title]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
  return [...lines, table].join('\n');
}
