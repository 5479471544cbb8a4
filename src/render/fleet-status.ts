// The fleet overview: one row per site (in the order given), then the totals
// and any platform that is not ok.
import type { FleetStatus, SiteStatus } from '../core/model.js';
import type { Health } from '../core/vocabulary.js';
import { aiShareCell, contactCentreLine } from './contact-centre.js';
import { labelsForView } from './labels.js';
import { countOf } from './plural.js';
import { createStyle } from './style.js';
import { renderTable, type Column } from './table.js';
import type { RenderContext } from './view.js';

/** What `status -o wide` adds to a site's row: facts the fleet status does not carry, fetched beside it. */
export interface WideSiteFacts {
  city?: string;
  cityAr?: string | null;
  /** The asset in the worst health at the site; null when every one is ok. */
  worstAsset?: { id: string; health: Health } | null;
}

/**
 * `maxSites` cuts the list (already sorted worst first) so that a refreshing
 * view fits one screen, and says how many were left out and how they are.
 */
export function renderFleetStatus(fleet: FleetStatus, ctx: RenderContext, maxSites?: number): string {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const columns: Column[] = [
    { header: l.header('site') },
    { header: l.header('name'), flex: true },
    { header: l.header('kind'), flex: true },
    { header: l.header('region'), flex: true },
    { header: l.header('health') },
    { header: 'S1', align: 'right' },
    { header: 'S2', align: 'right' },
    { header: 'S3', align: 'right' },
    { header: 'S4', align: 'right' },
    { header: l.header('wait'), align: 'right' },
    { header: l.header('egates'), align: 'right' },
  ];
  // After the usual eleven, so piped fields 1–11 keep their places with -o wide too.
  const wide = ctx.wide === true;
  if (wide) columns.push({ header: l.header('city'), flex: true }, { header: l.header('open'), align: 'right' }, { header: l.header('worstAsset'), flex: true });
  // Last, and only while some site runs otherwise than normally.
  const modes = fleet.sites.some((s) => s.mode !== 'normal');
  if (modes) columns.push({ header: 'MODE' });
  // After it, only while a site is silenced or in maintenance: a code (silenced, maintenance), as the mode is.
  const silenced = fleet.sites.some((s) => s.silence);
  if (silenced) columns.push({ header: 'SILENCED' });
  // Last of all, only while the fleet has a contact centre: the AI agent's share answered without a person.
  const contact = fleet.sites.some((s) => s.kind === 'contact-centre');
  if (contact) columns.push({ header: l.header('ai'), align: 'right' });
  const shown = maxSites !== undefined && maxSites < fleet.sites.length ? fleet.sites.slice(0, Math.max(1, maxSites)) : fleet.sites;
  const rows = shown.map((s) => [
    s.id,
    l.siteName(s.name),
    l.kind(s.kind),
    l.region(s.region),
    style.health(s.health, l.health(s.health)),
    ...severityCells(s, ctx.tty, style),
    s.waitMinutes === null ? '-' : ctx.tty ? `${Math.round(s.waitMinutes)} ${l.t('minutes')}` : String(s.waitMinutes),
    `${s.egates.inService}/${s.egates.total}`,
    ...(wide ? wideCells(s, ctx) : []),
    ...(modes ? [s.mode === 'normal' ? s.mode : style.warn(s.mode)] : []),
    ...(silenced ? [silenceCell(s, ctx.tty, style)] : []),
    ...(contact ? [aiShareCell(s, ctx.tty)] : []),
  ]);
  const table = renderTable({ columns, rows }, { tty: ctx.tty, width: ctx.width, header: style.bold });
  if (!ctx.tty) return table;
  const more = fleet.sites.length - shown.length;
  const moreLine = more > 0 ? [style.dim(hiddenSitesLine(fleet.sites.slice(shown.length), ctx))] : [];
  const fleetMode = fleet.mode === 'normal' ? [] : [style.warn(`fleet mode: ${fleet.mode}`)];
  const contactLines = fleet.sites.flatMap((s) => contactCentreLine(s, ctx.lang) ?? []);
  return [table, ...moreLine, '', totalsLine(fleet, ctx), ...contactLines, ...platformLines(fleet, ctx), ...fleetMode].join('\n');
}

function wideCells(s: SiteStatus & WideSiteFacts, ctx: RenderContext): string[] {
  const l = labelsForView(ctx);
  const worst = s.worstAsset ? `${s.worstAsset.id} ${createStyle(ctx.color).health(s.worstAsset.health, l.health(s.worstAsset.health))}` : '-';
  return [s.city === undefined ? '-' : l.city({ city: s.city, cityAr: s.cityAr ?? null }), String(s.openIncidents.total), worst];
}

function hiddenSitesLine(hidden: readonly SiteStatus[], ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const counts = (['ok', 'degraded', 'down'] as const)
    .map((h) => [h, hidden.filter((s) => s.health === h).length] as const)
    .filter(([, n]) => n > 0)
    .map(([h, n]) => `${n} ${l.health(h)}`);
  return `… ${hidden.length} ${l.t('moreSites')} (${counts.join(', ')})`;
}

/** The code a script matches (silenced, maintenance, -); a terminal also names the silence and its end. */
export function silenceCode(s: Pick<SiteStatus, 'silence'>): 'silenced' | 'maintenance' | '-' {
  return !s.silence ? '-' : s.silence.kind === 'maintenance' ? 'maintenance' : 'silenced';
}

function silenceCell(s: SiteStatus, tty: boolean, style: ReturnType<typeof createStyle>): string {
  const code = silenceCode(s);
  if (!tty || !s.silence) return code;
  return style.warn(`${code} ${s.silence.id} until ${s.silence.until.slice(11, 16)}Z`);
}

function severityCells(s: SiteStatus, tty: boolean, style: ReturnType<typeof createStyle>): string[] {
  return (['sev1', 'sev2', 'sev3', 'sev4'] as const).map((sev) => {
    const n = s.openIncidents[sev];
    if (!tty) return String(n);
    return n === 0 ? style.dim('.') : style.severity(sev, String(n));
  });
}

export function totalsLine(fleet: FleetStatus, ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const t = fleet.totals;
  const health = (['ok', 'degraded', 'down'] as const)
    .map((h) => style.health(h, `${t.health[h]} ${l.health(h)}`))
    .join(', ');
  const inc = t.openIncidents;
  return (
    `${countOf(t.sites, 'site', ctx.lang)}: ${health} · ${countOf(inc.total, 'openIncident', ctx.lang)} ` +
    `(sev1 ${inc.sev1}, sev2 ${inc.sev2}, sev3 ${inc.sev3}, sev4 ${inc.sev4}) · ${t.staff} ${l.t('staff')}`
  );
}

function platformLines(fleet: FleetStatus, ctx: RenderContext): string[] {
  const l = labelsForView(ctx);
  const style = createStyle(ctx.color);
  const bad = fleet.platforms.filter((p) => p.health !== 'ok');
  const okCount = fleet.platforms.length - bad.length;
  const head = `${l.t('platforms')}: ${okCount}/${fleet.platforms.length} ${l.health('ok')}`;
  if (!bad.length) return [head];
  return [`${head}; ${bad.map((p) => `${p.name} ${style.health(p.health, l.health(p.health))}`).join(', ')}`];
}
