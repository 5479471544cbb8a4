// A video wall's tiles (`watch --wall`), one page of the plan wall-pages.ts
// makes: large tiles of three lines — id, name, wait and incidents — readable
// across a room, or one-line tiles that keep the whole id when the fleet is
// too many for large ones. A wall has no keys: its pages turn by themselves.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SiteStatus } from '../core/model.js';
import { percent } from '../render/contact-centre.js';
import type { Lang } from '../render/labels.js';
import { visibleWidth } from '../render/text-width.js';
import type { Grouping } from './layout.js';
import { groupTitle, sameSites, tileGlyph } from './fleet-wall.js';
import { HEALTH_COLOUR, fit, padTo } from './look.js';
import { styled, styledRuns, type TextStyle } from './styled.js';
import { uiWords } from './ui-labels.js';
import { COMPACT_TILE_EXTRA, LARGE_TILE, type WallLine, type WallPlan } from './wall-pages.js';

export interface WallTilesProps {
  /** The page's lines, from planWall. */
  lines: readonly WallLine[];
  style: WallPlan['style'];
  grouping: Grouping;
  lang?: Lang;
}

export function WallTiles({ lines, style, grouping, lang = 'en' }: WallTilesProps) {
  const words = uiWords(lang);
  return (
    <Box flexDirection="column">
      {lines.map((line) =>
        line.kind === 'heading' ? (
          <Text key={`h:${line.group.key}`} bold>
            {`${groupTitle(line.group.key, grouping, lang)} ${styled(`(${line.group.sites.length})`, { dimColor: true })}${line.continued ? styled(` ${words.continued}`, { dimColor: true }) : ''}`}
          </Text>
        ) : style === 'large' ? (
          <LargeTileRow key={line.sites[0]!.id} sites={line.sites} cell={line.cell} lang={lang} />
        ) : (
          <CompactTileRow key={line.sites[0]!.id} sites={line.sites} cell={line.cell} lang={lang} />
        ),
      )}
    </Box>
  );
}

interface TileRowProps {
  sites: readonly SiteStatus[];
  cell: number;
  lang: Lang;
}

// Rows are drawn again only when one of their sites changed (a report, an incident): sites are the same objects until then.
const sameRow = (a: TileRowProps, b: TileRowProps) => a.cell === b.cell && a.lang === b.lang && sameSites(a.sites, b.sites);

/** A row of large tiles as one Text of three lines (one node, not four per tile). */
const LargeTileRow = memo(function LargeTileRow({ sites, cell, lang }: TileRowProps) {
  const tiles = sites.map((site) => largeTileLines(site, cell, lang));
  const lines = Array.from({ length: LARGE_TILE.lines }, (_, i) => styledRuns(tiles.flatMap((t) => t[i]!)));
  return <Text>{lines.join('\n')}</Text>;
}, sameRow);

/** A row of one-line tiles as one Text. */
const CompactTileRow = memo(function CompactTileRow({ sites, cell }: TileRowProps) {
  return <Text>{styledRuns(sites.map((site) => compactTile(site, cell)))}</Text>;
}, sameRow);

/** A large tile's three lines, each padded to the cell, with their styles: id, name, then wait and incidents. */
function largeTileLines(site: SiteStatus, cell: number, lang: Lang): Array<Array<[string, TextStyle]>> {
  const inner = cell - 2;
  const words = uiWords(lang);
  const wait = site.waitMinutes === null ? words.noReport : words.waitMinutes(Math.round(site.waitMinutes));
  const open = site.openIncidents.total === 0 ? '' : `  !${site.openIncidents.total}`;
  const ai = site.contactCentre ? `  AI ${percent(site.contactCentre.aiShare)}` : '';
  const color = HEALTH_COLOUR[site.health];
  const lines: Array<[string, TextStyle]> = [
    [fit(`${tileGlyph(site)} ${site.id}`, inner), { color, bold: true }],
    [fit(words.labels.siteName(site.name), inner), {}],
    [fit(`${wait}${ai}${open}`, inner), { color }],
  ];
  // The padding unstyled, as the tile's Box left it.
  return lines.map(([text, style]) => [[text, style], [' '.repeat(Math.max(0, cell - visibleWidth(text))), {}]]);
}

/** A one-line tile: glyph, the whole id, wait, open incidents (and a contact centre's AI share), padded to the group's cell. */
export function compactTileText(site: SiteStatus, cell: number): string {
  const wait = site.waitMinutes === null ? '–' : `${Math.round(site.waitMinutes)}m`;
  const open = site.openIncidents.total === 0 ? '' : `!${site.openIncidents.total > 99 ? '99+' : site.openIncidents.total}`;
  const ai = site.contactCentre ? ` AI${percent(site.contactCentre.aiShare)}` : '';
  const idWidth = cell - COMPACT_TILE_EXTRA - visibleWidth(ai);
  return padTo(fit(`${tileGlyph(site)}${padTo(site.id, idWidth)} ${wait.padStart(4)}${ai}${open.padStart(4)}`, cell - 1), cell);
}

function compactTile(site: SiteStatus, cell: number): [string, TextStyle] {
  return [compactTileText(site, cell), { color: HEALTH_COLOUR[site.health] }];
}
