// The video wall's plan and the tiles' labels, on the real fleet (the 103
// sites of sites.json and the contact centre): every site on exactly one
// page, no page taller than its rows, whole ids on one-line tiles, and tiles
// that stay unambiguous when grouped by region.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../src/core/model.js';
import { loadSites } from '../../src/sim/site-records.js';
import { FleetWall, condensedId, scrolledWall, tileText } from '../../src/ui/fleet-wall.js';
import { groupSites, type SiteGroup } from '../../src/ui/layout.js';
import { visibleWidth } from '../../src/render/text-width.js';
import { WALL_PAGE_MS, lineHeight, pageAt, paginate, planWall, type WallLine, type WallPlan } from '../../src/ui/wall-pages.js';
import { WallTiles, compactTileText } from '../../src/ui/wall-tiles.js';
import { FLEET } from '../commands/fixtures.js';

/** The demo fleet as the hub reports it: every site of sites.json, and CC-992. */
function demoFleet(): SiteStatus[] {
  const template = FLEET.sites[0]!;
  const sites = loadSites().map((s): SiteStatus => ({ ...template, id: s.id, name: s.name, kind: s.kind, region: s.region }));
  const contact: SiteStatus = {
    ...template,
    id: 'CC-992',
    kind: 'contact-centre',
    region: 'Riyadh',
    contactCentre: { aiShare: 0.5 } as SiteStatus['contactCentre'],
  };
  return [...sites, contact];
}

const pageSites = (page: readonly WallLine[]) => page.flatMap((l) => (l.kind === 'tiles' ? l.sites.map((s) => s.id) : []));
const pageHeight = (page: readonly WallLine[], style: WallPlan['style']) => page.reduce((n, l) => n + lineHeight(l, style), 0);

describe('planWall', () => {
  const groups = groupSites(demoFleet(), 'kind', '');
  const all = groups.flatMap((g) => g.sites.map((s) => s.id)).sort();

  it.each([
    { width: 100, rows: 24 },
    { width: 80, rows: 18 },
    { width: 200, rows: 54 },
    { width: 300, rows: 84 },
  ])('at $width columns and $rows rows puts every site on exactly one page, no page too tall', ({ width, rows }) => {
    const plan = planWall(groups, width, rows);
    const placed = plan.pages.flatMap(pageSites).sort();
    expect(placed).toEqual(all);
    for (const page of plan.pages) expect(pageHeight(page, plan.style)).toBeLessThanOrEqual(rows);
  });

  it('uses large tiles, as wide as fit, when the whole fleet fits one page; else one-line tiles in pages', () => {
    const wide = planWall(groups, 300, 84);
    expect(wide.style).toBe('large');
    expect(wide.pages).toHaveLength(1);
    const cells = wide.pages[0]!.flatMap((l) => (l.kind === 'tiles' ? [l.cell] : []));
    // Tiles stretched across the screen, none narrower than the smallest large tile.
    expect(Math.min(...cells)).toBeGreaterThanOrEqual(24);
    expect(cells[0]! * Math.floor(300 / cells[0]!)).toBeGreaterThan(300 - cells[0]!);

    const narrow = planWall(groups, 100, 24);
    expect(narrow.style).toBe('compact');
    expect(narrow.pages.length).toBeGreaterThan(1);
  });

  it('starts a page inside a group with that group’s heading, marked continued, and leaves no heading alone at a page’s foot', () => {
    const plan = planWall(groups, 100, 12);
    for (const page of plan.pages) {
      expect(page[0]!.kind).toBe('heading');
      expect(page.at(-1)!.kind).toBe('tiles');
    }
    const continued = plan.pages.filter((p) => p[0]!.kind === 'heading' && p[0]!.continued);
    expect(continued.length).toBeGreaterThan(0);
    // A continued heading is the group of the tiles under it.
    for (const page of continued) expect((page[1] as Extract<WallLine, { kind: 'tiles' }>).group).toBe(page[0]!.group);
  });

  it('gives each group one-line tiles wide enough for its longest id, and no row wider than the screen', () => {
    const plan = planWall(groups, 100, 24);
    for (const line of plan.pages.flat()) {
      if (line.kind !== 'tiles') continue;
      expect(line.cell * line.sites.length).toBeLessThanOrEqual(100);
      for (const site of line.sites) {
        const text = compactTileText(site, line.cell);
        expect(visibleWidth(text)).toBe(line.cell);
        expect(text).toContain(`${site.id} `);
      }
    }
  });

  it('turns the pages in order, each for WALL_PAGE_MS', () => {
    expect([0, WALL_PAGE_MS - 1, WALL_PAGE_MS, 2 * WALL_PAGE_MS, 3 * WALL_PAGE_MS].map((t) => pageAt(3, new Date(t)))).toEqual([0, 0, 1, 2, 0]);
    expect(pageAt(1, new Date(123_456))).toBe(0);
  });

  it('paginate keeps a heading with its first row of tiles', () => {
    const group: SiteGroup = { key: 'air', sites: demoFleet().slice(0, 2) };
    const other: SiteGroup = { key: 'sea', sites: demoFleet().slice(2, 3) };
    const lines: WallLine[] = [
      { kind: 'heading', group, continued: false },
      { kind: 'tiles', group, sites: group.sites, cell: 20 },
      { kind: 'heading', group: other, continued: false },
      { kind: 'tiles', group: other, sites: other.sites, cell: 20 },
    ];
    const pages = paginate(lines, 3);
    expect(pages.map((p) => p.map((l) => (l.kind === 'heading' ? `h:${l.group.key}` : 't')))).toEqual([['h:air', 't'], ['h:sea', 't']]);
  });

  it('draws a page: the heading, then tiles with whole ids', () => {
    const plan = planWall(groups, 100, 24);
    const frame = render(<WallTiles lines={plan.pages[0]!} style={plan.style} grouping="kind" />).lastFrame()!;
    expect(frame.split('\n')[0]).toBe('Air ports (29)');
    expect(frame).toMatch(/[·▲✖]JED-HAJJ /);
  });
});

describe('tile labels', () => {
  const fleet = demoFleet();

  it('grouped by region, no two tiles of one region read the same', () => {
    for (const group of groupSites(fleet, 'region', '')) {
      const labels = group.sites.map((s) => condensedId(s.id, 'region'));
      expect(new Set(labels).size, `${group.key}: ${labels.join(' ')}`).toBe(labels.length);
    }
    expect(['JED', 'SEA-JED', 'LND-KFC', 'SC-MAK-01'].map((id) => condensedId(id, 'region'))).toEqual(['JED', 'S-JED', 'L-KFC', 'MAK-01']);
    // By kind the heading names the kind.
    expect(['SEA-JED', 'LND-KFC', 'SC-MAK-01'].map((id) => condensedId(id, 'kind'))).toEqual(['JED', 'KFC', 'MAK-01']);
  });

  it('Makkah by region on an 80-column wall: the airport JED and the sea port S-JED', () => {
    const frame = render(<FleetWall groups={groupSites(fleet, 'region', 'makkah')} grouping="region" selectedSiteId="JED" focused width={80} rows={20} />).lastFrame()!;
    expect(frame.split('\n')[0]).toMatch(/^Makkah \(\d+\)/);
    expect(frame).toMatch(/[·▲✖]JED\s/);
    expect(frame).toMatch(/[·▲✖]S-JED\s/);
  });

  it('keeps whole ids on tiles from 270 columns (the longest is LND-JADIDAT-ARAR)', () => {
    const longest = fleet.find((s) => s.id === 'LND-JADIDAT-ARAR')!;
    expect(tileText(longest, 300)).toContain('LND-JADIDAT-ARAR ');
    expect(tileText(longest, 200)).toContain('LND-JADI…');
    expect(visibleWidth(tileText(longest, 300))).toBe(27);
  });
});

describe('a scrolled wall', () => {
  const groups = groupSites(demoFleet(), 'kind', '');

  it('keeps the heading of the tiles on top, says how much is above and below, and stays within its rows', () => {
    // A service centre in the middle of its group: rows hidden above and below it.
    const frame = render(<FleetWall groups={groups} grouping="kind" selectedSiteId="SC-MAK-06" focused width={80} rows={10} />).lastFrame()!;
    const shown = frame.split('\n');
    expect(shown.length).toBeLessThanOrEqual(10);
    expect(shown[0]).toMatch(/^Service centres \(49\)( \(continued\))? .*▲ more above \(\d+\)/);
    expect(shown.at(-1)).toMatch(/^▼ more below \(\d+\)$/);
    expect(frame).toContain('MAK-06');
  });

  it('scrolledWall: all lines when they fit, else a top heading, a window round the focus, and the count below', () => {
    const lines = Array.from({ length: 20 }, (_, i) => ({ kind: (i % 5 === 0 ? 'heading' : 'tiles') as 'heading' | 'tiles', group: groups[Math.floor(i / 5)]!, i }));
    expect(scrolledWall(lines, 0, 20)).toMatchObject({ top: undefined, above: 0, below: 0 });
    const at = scrolledWall(lines, 12, 8);
    expect(at.top).toBe(lines[at.above]);
    expect(at.body.map((l) => l.i)).toContain(12);
    expect(1 + at.body.length + (at.below > 0 ? 1 : 0)).toBeLessThanOrEqual(8);
    expect(at.above + (at.top!.kind === 'heading' ? 1 : 0) + at.body.length + at.below).toBe(20);
  });
});
