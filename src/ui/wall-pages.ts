// How a video wall (`watch --wall`) lays out the whole fleet, so that every
// site is on screen within one rotation of pages: large tiles (id, name,
// wait) stretched to use the width when they all fit at once; else one-line
// tiles that keep the whole id, cut into pages the wall turns by itself, a
// group's heading repeated at the top of a page it carries on into. Pure:
// the component draws a plan, a unit test checks it.
import type { SiteStatus } from '../core/model.js';
import { visibleWidth } from '../render/text-width.js';
import type { SiteGroup } from './layout.js';

/** A line of the wall: a group's heading (again, when a page starts inside the group), or a row of tiles. */
export type WallLine =
  | { kind: 'heading'; group: SiteGroup; continued: boolean }
  | { kind: 'tiles'; group: SiteGroup; sites: SiteStatus[]; cell: number };

export interface WallPlan {
  /** large: three lines a tile; compact: one line a tile. */
  style: 'large' | 'compact';
  /** Lines each page uses (a large tile row counts three). */
  pages: WallLine[][];
}

export const LARGE_TILE = { min: 24, max: 44, lines: 3 } as const;
/** A one-line tile around its id: glyph, id, space, wait (4), incidents (4), gap. */
export const COMPACT_TILE_EXTRA = 11;
/** A contact centre's one-line tile also shows the AI agent's share (" AI100%"). */
const CONTACT_EXTRA = 7;
/** How long a wall shows a page before it turns to the next. */
export const WALL_PAGE_MS = 8_000;

/** The screen lines a wall line takes. */
export function lineHeight(line: WallLine, style: WallPlan['style']): number {
  return line.kind === 'tiles' && style === 'large' ? LARGE_TILE.lines : 1;
}

/** Every site of `groups` on `rows` lines of `width` columns: on one page with large tiles if they fit, else paged one-line tiles. */
export function planWall(groups: readonly SiteGroup[], width: number, rows: number): WallPlan {
  const large = largeLines(groups, width, rows);
  if (large) return { style: 'large', pages: [large] };
  const lines: WallLine[] = [];
  for (const group of groups) {
    const cell = compactCell(group);
    const columns = Math.max(1, Math.floor(width / cell));
    lines.push({ kind: 'heading', group, continued: false });
    for (let i = 0; i < group.sites.length; i += columns) lines.push({ kind: 'tiles', group, sites: group.sites.slice(i, i + columns), cell });
  }
  return { style: 'compact', pages: paginate(lines, Math.max(2, rows)) };
}

/** The widest large tiles (up to LARGE_TILE.max) with which the whole fleet fits `rows`; undefined when none does. */
function largeLines(groups: readonly SiteGroup[], width: number, rows: number): WallLine[] | undefined {
  const most = Math.floor(width / LARGE_TILE.min);
  for (let columns = Math.max(1, Math.ceil(width / LARGE_TILE.max)); columns <= most; columns++) {
    const cell = Math.min(LARGE_TILE.max, Math.floor(width / columns));
    const used = groups.reduce((n, g) => n + 1 + Math.ceil(g.sites.length / columns) * LARGE_TILE.lines, 0);
    if (used > rows) continue;
    const lines: WallLine[] = [];
    for (const group of groups) {
      lines.push({ kind: 'heading', group, continued: false });
      for (let i = 0; i < group.sites.length; i += columns) lines.push({ kind: 'tiles', group, sites: group.sites.slice(i, i + columns), cell });
    }
    return lines;
  }
  return undefined;
}

/** A group's one-line tile width: its longest id whole, so no id is cut. */
export function compactCell(group: SiteGroup): number {
  const id = Math.max(...group.sites.map((s) => visibleWidth(s.id)));
  return id + COMPACT_TILE_EXTRA + (group.sites.some((s) => s.contactCentre) ? CONTACT_EXTRA : 0);
}

/** One-line wall lines cut into pages of `rows`: no heading alone at a page's foot, a continued heading atop a page that starts inside a group. */
export function paginate(lines: readonly WallLine[], rows: number): WallLine[][] {
  const pages: WallLine[][] = [];
  let page: WallLine[] = [];
  for (const line of lines) {
    if (page.length === rows) {
      // A heading left as the page's last line moves to the next page with its tiles.
      const orphan = page.at(-1)?.kind === 'heading' && page.length > 1 ? page.pop() : undefined;
      pages.push(page);
      page = orphan ? [orphan] : line.kind === 'tiles' ? [{ kind: 'heading', group: line.group, continued: true }] : [];
      if (orphan && line.kind === 'tiles') {
        page.push(line);
        continue;
      }
    }
    page.push(line);
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The page a wall shows at `now`: each for WALL_PAGE_MS, in turn. */
export function pageAt(pages: number, now: Date): number {
  return pages <= 1 ? 0 : Math.floor(now.getTime() / WALL_PAGE_MS) % pages;
}
