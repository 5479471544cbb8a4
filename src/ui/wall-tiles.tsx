// Large tiles for a video wall (`watch --wall`): three lines a site — id,
// name, wait and incidents — readable across a room. Used only when the
// whole fleet fits the screen that way; a wall has no keys to scroll with.
import { Box, Text } from 'ink';
import type { SiteStatus } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import type { Grouping, SiteGroup } from './layout.js';
import { groupTitle } from './fleet-wall.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, fit } from './look.js';
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
          <Text bold>
            {groupTitle(group.key, grouping, lang)}{' '}
            <Text dimColor>({group.sites.length})</Text>
          </Text>
          {rowsOf(group.sites, columns).map((row) => (
            <Box key={row[0]!.id}>
              {row.map((site) => (
                <WallTile key={site.id} site={site} lang={lang} />
              ))}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

export function WallTile({ site, lang = 'en' }: { site: SiteStatus; lang?: Lang }) {
  const inner = WALL_TILE.width - 2;
  const words = uiWords(lang);
  const wait = site.waitMinutes === null ? words.noReport : words.waitMinutes(Math.round(site.waitMinutes));
  const open = site.openIncidents.total === 0 ? '' : `  !${site.openIncidents.total}`;
  const colour = HEALTH_COLOUR[site.health];
  return (
    <Box flexDirection="column" width={WALL_TILE.width} flexShrink={0}>
      <Text color={colour} bold>
        {fit(`${HEALTH_GLYPH[site.health]} ${site.id}`, inner)}
      </Text>
      <Text>{fit(words.labels.siteName(site.name), inner)}</Text>
      <Text color={colour}>{fit(`${wait}${open}`, inner)}</Text>
    </Box>
  );
}

function rowsOf<T>(items: readonly T[], columns: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += columns) rows.push(items.slice(i, i + columns));
  return rows;
}
