import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { FleetStatus, SiteStatus } from '../../src/core/model.js';
import { FleetWall, tileText } from '../../src/ui/fleet-wall.js';
import { HelpOverlay } from '../../src/ui/help-overlay.js';
import { SelectedSiteLine } from '../../src/ui/selected-site.js';
import { IncidentQueue } from '../../src/ui/incident-queue.js';
import { groupSites, sortIncidents } from '../../src/ui/layout.js';
import { StaleBanner, StatusLine } from '../../src/ui/status-line.js';
import { WALL_PAGE_MS } from '../../src/ui/wall-pages.js';
import { WatchScreen } from '../../src/ui/app.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { DetailPane } from '../../src/ui/detail-pane.js';
import { FLEET, INCIDENTS, INCIDENT_DETAIL, RUH_DETAIL, incident } from '../commands/fixtures.js';
import { visibleWidth } from '../../src/render/text-width.js';
import { renderAtWidth } from './frames.js';

const lines = (frame: string | undefined) => (frame ?? '').split('\n');

// A fleet the size of the real one: 29 air, 14 land, 11 sea, 49 service centres.
function bigFleet(): FleetStatus {
  const template = FLEET.sites[0]!;
  const make = (kind: SiteStatus['kind'], n: number, prefix: string) =>
    Array.from({ length: n }, (_, i): SiteStatus => ({
      ...template,
      id: `${prefix}${String(i).padStart(2, '0')}${kind === 'land' ? 'LONGNAME' : ''}`,
      kind,
      region: `Region ${i % 13}`,
      health: i % 7 === 0 ? 'down' : i % 3 === 0 ? 'degraded' : 'ok',
      waitMinutes: i * 3,
      openIncidents: { sev1: 0, sev2: i % 4, sev3: 0, sev4: 0, total: i % 4 },
    }));
  const sites = [...make('air', 29, 'A'), ...make('land', 14, 'LND-'), ...make('sea', 11, 'SEA-'), ...make('service-centre', 49, 'SC-')];
  return { ...FLEET, sites, totals: { ...FLEET.totals, sites: sites.length } };
}

describe('FleetWall', () => {
  it('draws a tile per site under its kind, with health glyph, wait and open incidents', () => {
    const { lastFrame } = render(
      <FleetWall groups={groupSites(FLEET.sites, 'kind', '')} grouping="kind" selectedSiteId="RUH" focused width={80} rows={20} />,
    );
    const frame = lastFrame()!;
    expect(frame).toContain('Air ports (2) 2 degraded');
    expect(frame).toContain('Land ports (1) 1 down');
    expect(frame).toContain('▲JED    23 1 ▲RUH    12 3');
    expect(frame).toContain('✖KFC    41 1');
    expect(frame).toContain('·RIY-01  –');
  });

  it('groups by region when asked', () => {
    const { lastFrame } = render(
      <FleetWall groups={groupSites(FLEET.sites, 'region', '')} grouping="region" selectedSiteId="RUH" focused width={80} rows={20} />,
    );
    expect(lines(lastFrame()).filter((l) => /^\S.*\(\d+\)/.test(l)).map((l) => l.replace(/ \(.*/, ''))).toEqual([
      'Eastern Province',
      'Makkah',
      'Riyadh',
    ]);
  });

  it('fits 103 sites into 80 columns and the rows it is given, scrolling to the selection', () => {
    const fleet = bigFleet();
    const groups = groupSites(fleet.sites, 'kind', '');
    const last = groups.at(-1)!.sites.at(-1)!;
    const { lastFrame } = render(
      <FleetWall groups={groups} grouping="kind" selectedSiteId={last.id} focused width={80} rows={12} />,
    );
    const drawn = lines(lastFrame());
    expect(drawn.length).toBeLessThanOrEqual(12);
    for (const line of drawn) expect(line.length).toBeLessThanOrEqual(80);
    // Scrolled down to the service centres, where the selection is.
    expect(lastFrame()).toContain('SC48'.replace('SC', ''));
    expect(lastFrame()).not.toContain('Air ports');
  });

  it('names groups in Arabic with --lang ar', () => {
    const byKind = render(
      <FleetWall groups={groupSites(FLEET.sites, 'kind', '')} grouping="kind" selectedSiteId="RUH" focused width={80} rows={20} lang="ar" />,
    ).lastFrame()!;
    expect(byKind).not.toContain('Air ports');
    const { lastFrame } = render(
      <SelectedSiteLine site={FLEET.sites.find((s) => s.id === 'RUH')} width={100} lang="ar" />,
    );
    expect(lastFrame()).toContain('RUH مطار الملك خالد الدولي');
  });

  it('uses wide tiles with whole ids on a wide terminal', () => {
    const site = { ...FLEET.sites[1]!, id: 'LND-HALATAMMAR' };
    expect(tileText(site, 80)).toBe('✖HALAT… 41 1 ');
    expect(tileText(site, 200)).toBe('✖LND-HALA…  41m !1  ');
  });
});

describe('IncidentQueue', () => {
  const now = new Date('2025-03-01T06:14:00Z');
  it('lists most severe first with SLA timers against ack, then resolve', () => {
    const queue = sortIncidents([
      ...INCIDENTS,
      incident(3, { severity: 'sev1', siteId: 'LND-KFC', createdAt: '2025-03-01T06:12:00Z', title: 'Link down' }),
    ]);
    const { lastFrame } = render(
      <IncidentQueue incidents={queue} selectedIncidentId="INC-000003" focused width={100} rows={5} now={now} />,
    );
    const rows = lines(lastFrame());
    expect(rows[0]).toContain('Incidents (3 open)');
    expect(rows[1]).toMatch(/^sev1 INC-000003 new\s+LND-KFC\s+ack 2:00\/5m\s+Link down/);
    expect(rows[2]).toMatch(/^sev2 INC-000042 new\s+RUH\s+ack 4:00\/15m/);
    expect(rows[3]).toMatch(/^sev3 INC-000007 ack\s+JED\s+resolve 1:44:00\/24h\s+CCTV camera 4/);
  });

  it('says so when nothing is open, and shows where it scrolled to', () => {
    expect(render(<IncidentQueue incidents={[]} selectedIncidentId={undefined} focused={false} width={80} rows={3} now={now} />).lastFrame()).toContain(
      'no open incidents',
    );
    const many = sortIncidents(Array.from({ length: 10 }, (_, i) => incident(i + 1)));
    const { lastFrame } = render(
      <IncidentQueue incidents={many} selectedIncidentId="INC-000010" focused width={80} rows={3} now={now} />,
    );
    expect(lastFrame()).toContain('(10 open, 8–10)');
    expect(lastFrame()).toContain('INC-000010');
    expect(lastFrame()).not.toContain('INC-000001 ');
  });
});

describe('status line, stale banner and help', () => {
  it('shows the connection, grouping, filter and the last answer', () => {
    const { lastFrame } = render(
      <StatusLine
        connection={{ state: 'live' }}
        grouping="region"
        filter="ruh"
        editingFilter={false}
        message={{ text: 'INC-000042: your role (viewer) cannot acknowledge incidents', tone: 'error' }}
        width={100}
      />,
    );
    expect(lastFrame()).toContain('● live  INC-000042: your role (viewer) cannot acknowledge incidents  by region · filter "ruh"');
  });

  it('shows the filter being typed', () => {
    const { lastFrame } = render(
      <StatusLine connection={{ state: 'connecting' }} grouping="kind" filter="جدة" editingFilter message={null} width={80} />,
    );
    expect(lastFrame()).toMatch(/^\/جدة/);
  });

  it('the filter being typed fits 80 columns: the hint gives way, the typed text and cursor stay', () => {
    for (const filter of ['', 'riyadh', 'x'.repeat(90)]) {
      const { lastFrame } = render(
        <StatusLine connection={{ state: 'live' }} grouping="kind" filter={filter} editingFilter message={null} width={80} />,
      );
      const drawn = lines(lastFrame());
      expect(drawn).toHaveLength(1);
      expect(visibleWidth(drawn[0]!)).toBeLessThanOrEqual(80);
      expect(drawn[0]).toMatch(/^\//);
    }
    const typed = render(<StatusLine connection={{ state: 'live' }} grouping="kind" filter="riyadh" editingFilter message={null} width={80} />);
    expect(typed.lastFrame()).toMatch(/^\/riyadh +site, name/);
    // A filter wider than the screen shows its end, where the typing is.
    const long = render(<StatusLine connection={{ state: 'live' }} grouping="kind" filter={`${'x'.repeat(90)}END`} editingFilter message={null} width={80} />);
    expect(long.lastFrame()).toContain('END');
  });

  it('a stale banner names the time of the last good data, counts down to the next try, and names the key to try now', () => {
    const since = new Date(2025, 2, 1, 9, 5, 7);
    const connection = { state: 'stale' as const, since, retryAt: new Date(since.getTime() + 4000), reason: 'cannot reach the hub (ECONNREFUSED)' };
    const at = (ms: number) => render(<StaleBanner connection={connection} now={new Date(since.getTime() + ms)} />).lastFrame();
    expect(at(0)).toContain('stale since 09:05:07 — reconnecting in 4s: cannot reach the hub (ECONNREFUSED) · c: retry now');
    expect(at(2_500)).toContain('reconnecting in 2s:');
    expect(at(4_000)).toContain('reconnecting now…:');
    // A wall has no keys to name.
    expect(render(<StaleBanner connection={connection} now={since} keys={false} />).lastFrame()).not.toContain('retry now');
    expect(render(<StaleBanner connection={{ state: 'live' }} now={since} />).lastFrame()).toBe('');
  });

  it('help lists every key, each on its own line, p with what it does', () => {
    const frame = render(<HelpOverlay />).lastFrame()!;
    const keysShown = frame.split('\n').flatMap((l) => /^│ (\S+(?: \/ \S+)?)\s{2,}/.exec(l)?.[1] ?? []);
    expect(keysShown).toEqual(['←↓↑→ / hjkl', 'Tab', 'Enter', 'g', '/', 'a', 'd', 'f', 'e', 'r', 'p', 'c', '?', 'q']);
    expect(frame).toMatch(/│ r\s+resolve the selected incident \(asks for a summary\)/);
    expect(frame).toMatch(/│ p\s+playbooks for the selected incident or site/);
    // 100 columns: no line of the help wraps.
    expect(frame.split('\n').every((l) => l.startsWith('│ ') ? /^│ \S/.test(l) : true)).toBe(true);
  });
});

describe('WatchScreen', () => {
  it('fits 80×24 with the whole fleet loaded', () => {
    const state = reduce(initialState(), { type: 'snapshot', fleet: bigFleet(), incidents: INCIDENTS });
    const { lastFrame } = render(<WatchScreen state={state} width={80} height={24} now={new Date('2025-03-01T06:14:00Z')} />);
    const drawn = lines(lastFrame());
    expect(drawn.length).toBeLessThanOrEqual(23);
    for (const line of drawn) expect(line.length).toBeLessThanOrEqual(80);
    expect(lastFrame()).toContain('Air ports (29)');
    expect(lastFrame()).toContain('Incidents (2 open)');
    expect(lastFrame()).toContain('○ connecting');
  });
});

describe('WatchScreen on a video wall', () => {
  const state = () => reduce(initialState(), { type: 'snapshot', fleet: bigFleet(), incidents: manyIncidents });
  const now = new Date('2025-03-01T06:14:00Z');
  // Enough to fill any queue: large tiles must still win the room.
  const manyIncidents = Array.from({ length: 40 }, (_, i) => incident(i + 1));

  it('uses large tiles with names when the whole fleet fits, and names no keys', async () => {
    const { lastFrame, unmount } = await renderAtWidth(<WatchScreen state={state()} width={200} height={60} now={now} wall />, 200);
    unmount();
    const drawn = lines(lastFrame());
    expect(drawn.length).toBeLessThanOrEqual(59);
    // The widest tiles with which the whole fleet fits: seven of 28 columns a row, aligned.
    expect(drawn[1]!.indexOf('A06')).toBe(6 * 28 + 2);
    expect(drawn[4]!.indexOf('A07')).toBe(2);
    expect(lastFrame()).toContain('King Abdulaziz Internatio…');
    expect(lastFrame()).toContain('Service centres (49)');
    expect(lastFrame()).toMatch(/wait 3m\s+!1/);
    expect(lastFrame()).not.toContain('q quit');
    expect(lastFrame()).not.toContain('▶ Incidents');
    // The queue has the rest of the screen.
    expect(lastFrame()).toMatch(/Incidents \(40 open, 1–\d+\)/);
  });

  it('falls back to one-line tiles with whole ids, in pages it turns, when large ones would not fit', () => {
    const at = (ms: number) => render(<WatchScreen state={state()} width={80} height={24} now={new Date(ms)} wall />).lastFrame()!;
    const first = at(0);
    expect(lines(first).length).toBeLessThanOrEqual(23);
    expect(first).not.toContain('King Abdulaziz Intern');
    expect(first).toContain('Air ports (29)');
    expect(first).toMatch(/page 1\/\d · by kind$/m);
    const pages = Number(/page 1\/(\d)/.exec(first)![1]);
    const seen = new Set<string>();
    for (let page = 0; page < pages; page++) {
      const frame = at(page * WALL_PAGE_MS);
      expect(frame).toContain(`page ${page + 1}/${pages}`);
      for (const site of bigFleet().sites) if (new RegExp(`[·▲✖]${site.id} `).test(frame)) seen.add(site.id);
    }
    // Every site, by its whole id (LND-00LONGNAME too), within one turn of the pages.
    expect([...seen].sort()).toEqual(bigFleet().sites.map((s) => s.id).sort());
  });
});

describe('DetailPane', () => {
  const now = new Date('2025-03-01T06:14:00Z');
  it('shows a site’s unhealthy assets and open incidents', () => {
    const frame = render(<DetailPane detail={{ kind: 'site', id: 'RUH', data: RUH_DETAIL }} width={100} rows={20} now={now} />).lastFrame()!;
    expect(frame).toContain('RUH King Khalid International Airport · Riyadh · Riyadh');
    expect(frame).toContain('3 assets: 2 ok · 0 degraded · 1 down');
    expect(frame).toMatch(/✖ down\s+RUH\/egate-02\s+E-gate 02/);
    expect(frame).not.toContain('RUH/egate-01');
    expect(frame).toMatch(/sev2 INC-000042 triggered/);
  });

  it('shows an incident’s SLA timer and timeline, and says when it is loading', () => {
    const frame = render(
      <DetailPane detail={{ kind: 'incident', id: 'INC-000042', data: INCIDENT_DETAIL }} width={100} rows={20} now={now} />,
    ).lastFrame()!;
    expect(frame).toContain('time to acknowledge 4:00 of 15m');
    expect(frame).toMatch(/triggered\s+alertmanager\s+EgateDown firing/);
    expect(frame).toMatch(/note\s+Omar\s+vendor called/);
    expect(render(<DetailPane detail={{ kind: 'site', id: 'JED', data: null }} width={80} rows={10} now={now} />).lastFrame()).toBe(
      'loading JED from the hub…',
    );
  });
});
