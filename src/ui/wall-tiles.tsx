// Large tiles for a video wall (`watch --wall`): three lines a site — id,
// name, wait and incidents — readable across a room. Used only when the
// whole fleet fits the screen that way; a wall has no keys to scroll with.
import { Box, Text } from 'ink';
import type { SiteStatus } from '../core/model.js';
import { percent } from '../render/contact-centre.js';
import type { Lang } from '../render/labels.js';
import { visibleWidth } from '../render/text-width.js';
import type { Grouping, SiteGroup } from './layout.js';
import { groupTitle } from './fleet-wall.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, fit } from './look.js';
import { styled, styledRuns, type TextStyle } from './styled.js';
import { uiWords } from './ui-labels.js';

export const WALL_TILE = { width: 24, lines: 3 } as const;

export function wallTileColumns(width: number): number {
  return Math.max(1, Math.floor(width / WALL_TILE.width));
}

/** Lines the large tiles need: a heading per group, three lines per row of tiles. */
export function wallTileLines(groups: readonly SiteGroup[], width: number): number {
  const columns = wallTileColumns(width);
  return groups.reduce((n, g) => n + 1 + Math.ceil(g.sites.length / columns) * WALL_TILE.lines, 0);
}

export interface WallTilesProps {
  groups: readonly SiteGroup[];
  grouping: Grouping;
  width: number;
  lang?: Lang;
}

export function WallTiles({ groups, grouping, width, lang = 'en' }: WallTilesProps) {
  const columns = wallTileColumns(width);
  return (
    <Box flexDirection="column">
      {groups.map((group) => (
        <Box key={group.key} flexDirection="column">
          <Text bold>{`${groupTitle(group.key, grouping, lang)} ${styled(`(${group.sites.length})`, { dimColor: true })}`}</Text>
          {rowsOf(group.sites, columns).map((row) => (
            <WallTileRow key={row[0]!.id} sites={row} lang={lang} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** A row of large tiles as one Text of three lines (one node, not four per tile). */
function WallTileRow({ sites, lang }: { sites: readonly SiteStatus[]; lang: Lang }) {
  const tiles = sites.map((site) => largeTileLines(site, lang));
  const lines = Array.from({ length: WALL_TILE.lines }, (_, i) => styledRuns(tiles.flatMap((t) => t[i]!)));
  return <Text>{lines.join('\n')}</Text>;
}

/** A large tile's three lines, each padded to the tile's width, with their styles: id, name, then wait and incidents. */
function largeTileLines(site: SiteStatus, lang: Lang): Array<Array<[string, TextStyle]>> {
  const inner = WALL_TILE.width - 2;
  const words = uiWords(lang);
  const wait = site.waitMinutes === null ? words.noReport : words.waitMinutes(Math.round(site.waitMinutes));
  const open = site.openIncidents.total === 0 ? '' : `  !${site.openIncidents.total}`;
  const ai = site.contactCentre ? `  AI ${percent(site.contactCentre.aiShare)}` : '';
  const color = HEALTH_COLOUR[site.health];
  const lines: Array<[string, TextStyle]> = [
    [fit(`${HEALTH_GLYPH[site.health]} ${site.id}`, inner), { color, bold: true }],
    [fit(words.labels.siteName(site.name), inner), {}],
    [fit(`${wait}${ai}${open}`, inner), { color }],
  ];
  // The padding unstyled, as the tile's Box left it.
  return lines.map(([text, style]) => [[text, style], [' '.repeat(WALL_TILE.width - visibleWidth(text)), {}]]);
}

function rowsOf<T>(items: readonly T[], columns: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(items.slice(i, i + columns));
  return rows;
}
