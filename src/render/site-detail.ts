// One site: its flow, its assets grouped by kind (with the ones that are not
// ok named), and its open incidents. Piped, its health and kinds are codes.
import { compareOrdinal } from '../core/ordinal.js';
import type { Asset, SiteDetail } from '../core/model.js';
import { contactShareParts } from './contact-centre.js';
import { silenceCode } from './fleet-status.js';
import { HEALTHS } from '../core/vocabulary.js';
import { renderIncidentTable } from './incidents.js';
import { labelsForView } from './labels.js';
import { createStyle } from './style.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

export function renderSiteDetail(detail: SiteDetail, ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const { site, status } = detail;
  const num = (n: number | null, unit = '') => (n === null ? '-' : `${Math.round(n)}${unit}`);
  const lines = [
    `${style.bold(site.id)}  ${l.siteName(site.name)}`,
    `${l.kind(site.kind)} · ${l.region(site.region)} · ${l.city(site)}`,
    `${l.t('health')}: ${style.health(status.health, l.health(status.health))}${status.mode === 'normal' ? '' : ` · mode: ${style.warn(status.mode)}`}${status.silence ? ` · ${style.warn(`${silenceCode(status)} ${status.silence.id} until ${status.silence.until}`)}` : ''}${platformsDownText(detail, ctx)}`,
    `${l.t('wait')}: ${num(status.waitMinutes, ` ${l.t('minutes')}`)} · ${l.t('queue')}: ${num(status.queueLength)} · ` +
      `${l.t('egates')}: ${status.egates.inService}/${status.egates.total} ${l.t('inService')} · ` +
      `${l.t('counters')}: ${status.counters.open}/${status.counters.total} ${l.t('open')} · ${l.t('staff')}: ${status.staff}`,
    // A contact centre: how its inquiries end, the AI agent's share first.
    ...(status.contactCentre ? [contactShareParts(status.contactCentre, ctx.lang).join(' · ')] : []),
    `${l.t('reported')}: ${status.reportedAt ? formatTime(status.reportedAt, ctx.now, ctx.tty) : l.t('notReported')}`,
    '',
    style.bold(l.t('assets')),
    ...assetLines(detail.assets, ctx),
    '',
    style.bold(l.t('openIncidents')),
  ];
  lines.push(detail.incidents.length ? renderIncidentTable(detail.incidents, ctx) : `  ${l.t('none')}`);
  return lines.join('\n');
}

/** Why a site with nothing of its own wrong reads degraded: the national platforms every site depends on that are not ok. */
function platformsDownText(detail: SiteDetail, ctx: RenderContext): string {
  const down = detail.platformsDown ?? [];
  if (down.length === 0) return '';
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  return ` · ${l.t('degradedPlatforms')}: ${down.map((p) => style.health(p.health, `${p.name} (${l.health(p.health)})`)).join(', ')}`;
}

function assetLines(assets: Asset[], ctx: RenderContext): string[] {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const byKind = new Map<string, Asset[]>();
  for (const a of assets) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  const kindWidth = Math.max(0, ...[...byKind.keys()].map((k) => k.length));
  const out: string[] = [];
  for (const [kind, group] of [...byKind].sort(([a], [b]) => compareOrdinal(a, b))) {
    const counts = HEALTHS.map((h) => [h, group.filter((a) => a.health === h).length] as const)
      .filter(([, n]) => n > 0)
      .map(([h, n]) => style.health(h, `${n} ${l.health(h)}`))
      .join(', ');
    out.push(`  ${kind.padEnd(kindWidth)}  ${counts}`);
    for (const a of group.filter((x) => x.health !== 'ok').sort((x, y) => compareOrdinal(x.id, y.id))) {
      out.push(`    ${a.id}  ${a.name}  ${style.health(a.health, l.health(a.health))}`);
    }
  }
  return out.length ? out : [`  ${l.t('none')}`];
}
