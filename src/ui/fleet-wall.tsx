// Every site as a tile, grouped by kind or region, coloured by health, with
// its wait in minutes and its open incidents. Scrolls to keep the selection
// on screen, its group's heading kept on top and a marker for what is above
// and below; below 120 columns the tiles condense to fit 80.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SiteStatus } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import type { Grouping, SiteGroup } from './layout.js';
import { TILE, WIDE_FROM_COLUMNS, tileWidth, wallColumns } from './layout.js';
import { percent } from '../render/contact-centre.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, fit, scrollWindow } from './look.js';
import { styled, styledRuns, type TextStyle } from './styled.js';
import { MODE_LETTER } from './playbook-words.js';
import { uiWords } from './ui-labels.js';

export interface FleetWallProps {
  groups: readonly SiteGroup[];
  grouping: Grouping;
  selectedSiteId: string | undefined;
  /** The wall has the arrow keys (the selection is drawn brighter). */
  focused: boolean;
  width: number;
  /** Lines the wall may use, headings included. */
  rows: number;
  /** Group headings in English or Arabic. */
  lang?: Lang;
}

type Line = { kind: 'heading'; group: SiteGroup } | { kind: 'tiles'; group: SiteGroup; sites: SiteStatus[]; index: number };

// Memoised, with its rows: a clock tick leaves the wall alone, and a report
// from one site draws only that site's row again.
export const FleetWall = memo(function FleetWall({ groups, grouping, selectedSiteId, focused, width, rows, lang = 'en' }: FleetWallProps) {
  const columns = wallColumns(width);
  const lines: Line[] = [];
  for (const group of groups) {
    lines.push({ kind: 'heading', group });
    for (let i = 0; i < group.sites.length; i += columns) lines.push({ kind: 'tiles', group, sites: group.sites.slice(i, i + columns), index: lines.length });
  }
  if (lines.length === 0) return <Text dimColor>{uiWords(lang).noSiteMatches}</Text>;
  const focusLine = Math.max(0, lines.findIndex((l) => l.kind === 'tiles' && l.sites.some((s) => s.id === selectedSiteId)));
  const { top, body, above, below } = scrolledWall(lines, focusLine, Math.max(1, rows));
  const words = uiWords(lang);
  return (
    <Box flexDirection="column">
      {top ? <GroupHeading key={`h:${top.group.key}`} group={top.group} grouping={grouping} lang={lang} continued={top.kind === 'tiles'} above={above} /> : null}
      {body.map((line) =>
        line.kind === 'heading' ? (
          <GroupHeading key={`h:${line.group.key}`} group={line.group} grouping={grouping} lang={lang} />
        ) : (
          <TileRow
            key={`t:${line.index}`}
            sites={line.sites}
            width={width}
            grouping={grouping}
            selectedSiteId={line.sites.some((s) => s.id === selectedSiteId) ? selectedSiteId : undefined}
            focused={focused}
          />
        ),
      )}
      {below > 0 ? <Text dimColor>{words.moreBelow(below)}</Text> : null}
    </Box>
  );
});

/**
 * The wall's lines in `rows`, keeping `focus` on screen. When they do not all
 * fit, the first line is always a group heading — the one the shown tiles
 * start in, marked continued — and a last line says how many are below.
 */
export function scrolledWall<L extends { kind: 'heading' | 'tiles'; group: SiteGroup }>(
  lines: readonly L[],
  focus: number,
  rows: number,
): { top: L | undefined; body: L[]; above: number; below: number } {
  if (lines.length <= rows) return { top: undefined, body: [...lines], above: 0, below: 0 };
  // A line for the heading on top and one for the marker below.
  const { start, end } = scrollWindow(lines.length, focus, Math.max(1, rows - 2));
  const top = lines[start]!;
  // A heading on top is the top line itself; its place in the body goes to one more line.
  const from = top.kind === 'heading' ? start + 1 : start;
  const to = Math.min(lines.length, end + (from > start ? 1 : 0));
  // With nothing below, the marker's line is not needed either.
  const last = to === lines.length - 1 ? lines.length : to;
  return { top, body: lines.slice(from, last), above: start, below: lines.length - last };
}

/** A group's heading: the kind in words (Air ports) or the region, in the screen's language. */
export function groupTitle(key: string, grouping: Grouping, lang: Lang): string {
  if (grouping === 'region') return labelsFor(lang).region(key);
  return uiWords(lang).kindHeading(key) ?? key;
}

interface GroupHeadingProps {
  group: SiteGroup;
  grouping: Grouping;
  lang: Lang;
  /** Atop a scrolled wall whose first tiles are inside this group. */
  continued?: boolean;
  /** Lines scrolled off above (a marker says so). */
  above?: number;
}

function GroupHeading({ group, grouping, lang, continued = false, above = 0 }: GroupHeadingProps) {
  const words = uiWords(lang);
  const { labels } = words;
  const down = group.sites.filter((s) => s.health === 'down').length;
  const degraded = group.sites.filter((s) => s.health === 'degraded').length;
  const text =
    `${groupTitle(group.key, grouping, lang)} ${styled(`(${group.sites.length})`, { dimColor: true })}` +
    (continued ? styled(` ${words.continued}`, { dimColor: true }) : '') +
    (down > 0 ? styled(` ${down} ${labels.health('down')}`, { color: 'red' }) : '') +
    (degraded > 0 ? styled(` ${degraded} ${labels.health('degraded')}`, { color: 'yellow' }) : '') +
    (above > 0 ? styled(`   ${words.moreAbove(above)}`, { dimColor: true, bold: false }) : '');
  return <Text bold wrap="truncate-end">{text}</Text>;
}

interface TileRowProps {
  sites: readonly SiteStatus[];
  width: number;
  grouping: Grouping;
  /** The selected site when it is in this row. */
  selectedSiteId: string | undefined;
  focused: boolean;
}

/** A row of tiles as one Text (one node, not one per tile). */
const TileRow = memo(function TileRow({ sites, width, grouping, selectedSiteId, focused }: TileRowProps) {
  return <Text>{styledRuns(sites.map((site) => tile(site, width, grouping, site.id === selectedSiteId, focused)))}</Text>;
}, sameTileRow);

// The row's slice of sites is new on every render; its sites are the same objects until they change.
function sameTileRow(a: TileRowProps, b: TileRowProps): boolean {
  return (
    a.width === b.width &&
    a.grouping === b.grouping &&
    a.selectedSiteId === b.selectedSiteId &&
    a.focused === b.focused &&
    sameSites(a.sites, b.sites)
  );
}

/** The same sites, object for object (a site is a new object once something about it changed). */
export function sameSites(a: readonly SiteStatus[], b: readonly SiteStatus[]): boolean {
  return a.length === b.length && a.every((site, i) => site === b[i]);
}

/** A tile and its style: coloured by health, inverse when selected (and bold when the wall has the keys). */
function tile(site: SiteStatus, width: number, grouping: Grouping, selected: boolean, focused: boolean): [string, TextStyle] {
  return [tileText(site, width, grouping), { color: HEALTH_COLOUR[site.health], inverse: selected, bold: selected && focused }];
}

/** The letter of a site whose alerts are quiet: a maintenance window, or a silence of the whole site. */
export const SILENCE_LETTER = { maintenance: 'M', silence: 'Q' } as const;

/**
 * A tile's first character. A site not in normal mode (offline processing,
 * surge…) shows its mode's letter; else one in maintenance M, silenced Q (its
 * alerts page no one); else its health. The colour still says its health.
 */
export function tileGlyph(site: SiteStatus): string {
  return MODE_LETTER[site.mode] || (site.silence ? SILENCE_LETTER[site.silence.kind] : '') || HEALTH_GLYPH[site.health];
}

/**
 * The id a condensed tile shows. Grouped by kind the heading names the kind,
 * so the kind prefix goes (SEA-JED is JED under Sea ports). Grouped by region
 * a sea or land port would then look like the airport of the same city (JED
 * and SEA-JED are both in Makkah), so it keeps a one-letter kind mark: S-JED,
 * L-KFC. Service centres' ids name their region and number, and stay short.
 */
export function condensedId(id: string, grouping: Grouping): string {
  if (grouping === 'kind') return id.replace(/^(LND|SEA|SC)-/, '');
  return id.replace(/^SC-/, '').replace(/^LND-/, 'L-').replace(/^SEA-/, 'S-');
}

/**
 * A tile's text, one column narrower than its cell so tiles never touch.
 * Condensed: glyph, the id (see condensedId), wait minutes, open incidents.
 * Wide: the whole id (cut only where the cell is too narrow) and units.
 */
export function tileText(site: SiteStatus, width: number, grouping: Grouping = 'kind'): string {
  const cell = tileWidth(width);
  const glyph = tileGlyph(site);
  const wait = site.waitMinutes === null ? '–' : String(Math.round(site.waitMinutes));
  const open = site.openIncidents.total;
  if (site.contactCentre) return contactTileText(glyph, site, wait, open, cell);
  if (width >= WIDE_FROM_COLUMNS) {
    const incidents = open === 0 ? '' : `!${open > 99 ? '99+' : open}`;
    const idWidth = cell - (TILE.wide - 9);
    return `${glyph}${fit(site.id, idWidth).padEnd(idWidth)} ${`${wait}m`.padStart(4)} ${incidents.padEnd(3)}`.padEnd(cell);
  }
  const incidents = open === 0 ? '' : open > 9 ? '+' : String(open);
  const id = fit(condensedId(site.id, grouping), 6);
  return `${glyph}${id.padEnd(6)}${wait.padStart(3)}${incidents.padStart(2)}`.padEnd(cell);
}

/**
 * A contact centre's tile: the AI agent's share answered without a person
 * beside its wait to answer (wide), or in place of it (condensed, where the
 * selected-site line has the wait).
 */
function contactTileText(glyph: string, site: SiteStatus, wait: string, open: number, cell: number): string {
  const ai = `AI${percent(site.contactCentre?.aiShare)}`;
  if (cell >= TILE.wide) {
    const incidents = open === 0 ? '' : `!${open > 99 ? '99+' : open}`;
    return fit(`${glyph}${fit(site.id, 6).padEnd(6)}${`${wait}m`.padStart(3)} ${ai.padEnd(5)}${incidents.padStart(3)}`.trimEnd(), cell - 1).padEnd(cell);
  }
  const incidents = open === 0 ? '' : open > 9 ? '+' : String(open);
  const id = fit(site.id.replace(/^CC-/, ''), 3);
  return fit(`${glyph}${id.padEnd(3)} ${ai.padEnd(5)}${incidents.padStart(2)}`, cell - 1).padEnd(cell);
}
