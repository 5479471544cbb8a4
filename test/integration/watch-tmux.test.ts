// `watchfloor watch` end to end: the built CLI in a real terminal (tmux) at
// 80×24 and at 200×60 against a demo hub (seed 7, speed 60). Keys go in with
// send-keys, the screen comes back with capture-pane, and the hub is asked
// whether the acknowledgement reached it, from whom. `watch --wall` at 100×30
// and 300×90 must show every site by its whole id within one turn of its
// pages. `demo` opens the same UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { SiteStatus } from '../../src/core/model.js';
import { CLI_PATH, cliEnv, type CliEnv } from '../helpers/cli.js';
import { startDemoHubProcess, type DemoHubProcess } from '../helpers/demo-hub-process.js';
import { describeWith } from '../helpers/system-programs.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { waitUntil } from '../helpers/wait-until.js';
import { WALL_PAGE_MS } from '../../src/ui/wall-pages.js';

let cli: CliEnv;
let hub: DemoHubProcess;
let checker: CoreClient;
/** The admin, to resolve an incident someone else acknowledged. */
let admin: CoreClient;
let watcher: { id: string; name: string };
const sessions: TmuxSession[] = [];

/** The CLI's env for a process on a terminal: no CI (Ink draws only a last frame under CI). */
function terminalEnv(env: Record<string, string>): Record<string, string> {
  const { CI: _ci, ...rest } = env;
  return { ...rest, TERM: 'xterm-256color', LANG: 'C.UTF-8' };
}

async function openTerminal(width: number, height: number, args: string[], env = cli.env): Promise<TmuxSession> {
  const session = await startTmux({ width, height, command: [process.execPath, CLI_PATH, ...args], env: terminalEnv(env), dir: cli.configDir });
  sessions.push(session);
  return session;
}

/** The selected site as the line under the wall names it: health, then id. */
const selectedSiteId = (screen: string) => /^(?:ok|degraded|down)\s+(\S+) /m.exec(screen)?.[1];

/**
 * A whole frame is on screen: its last line, the status line, is drawn. (A
 * big frame reaches tmux in several writes, so a capture can fall between them.)
 */
const drawn = (screen: string) => /^● live\b/m.test(lastLine(screen));

const lastLine = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';

/** A whole frame whose selection line names a site other than `than`. */
const selectionOtherThan = (than: string | undefined) => (s: string) => drawn(s) && selectedSiteId(s) !== undefined && selectedSiteId(s) !== than;

/**
 * A site the filter picks out alone (its id is part of no other site's id,
 * names, region or kind) with no open incident, so the queue under that
 * filter holds only the incident the test opens.
 */
async function quietSite(taken: Set<string>): Promise<SiteStatus> {
  const { sites } = await checker.fleetStatus();
  const fields = (s: SiteStatus) => [s.id, s.name.en, s.name.ar, s.region, s.kind].map((f) => f.toLowerCase());
  const alone = sites.filter(
    (s) =>
      !taken.has(s.id) &&
      s.openIncidents.total === 0 &&
      sites.every((other) => other === s || !fields(other).some((f) => f.includes(s.id.toLowerCase()))),
  );
  expect(alone.length).toBeGreaterThan(0);
  return alone[0]!;
}

describeWith('tmux', 'the terminal UI in tmux', () => {
  beforeAll(async () => {
    cli = cliEnv();
    hub = await startDemoHubProcess(cli, { seed: 7, speed: 60 });
    // The test's own token, so the acknowledgement's actor can only be the profile's.
    admin = new CoreClient({ hubUrl: hub.url, token: hub.profileToken });
    const { secret } = await admin.createToken({ name: 'e2e-checker', role: 'officer' });
    watcher = await admin.whoami();
    checker = new CoreClient({ hubUrl: hub.url, token: secret });
  }, 60_000);

  afterAll(async () => {
    // Every tmux server goes, whatever the tests did.
    await Promise.all(sessions.map((s) => s.kill()));
    await checker?.close();
    await admin?.close();
    await hub?.stop();
    cli?.cleanup();
  }, 30_000);

  const taken = new Set<string>();

  describe.each([
    { width: 80, height: 24 },
    { width: 200, height: 60 },
  ])('watchfloor watch at $width×$height in tmux', ({ width, height }) => {
    it('shows the live fleet, moves, opens a site, filters, and acknowledges through the hub as the profile\'s token', async () => {
      const term = await openTerminal(width, height, ['watch']);
      const first = await term.waitFor((s) => drawn(s) && s.includes('Air ports') && selectedSiteId(s) !== undefined, 'the live fleet', 30_000);
      // The frame fits the terminal: a row too wide would wrap and a frame too tall
      // would scroll, either pushing the first heading off the top.
      expect(first.split('\n')[0]).toMatch(/^Air ports \(29\)/);
      if (width >= 200) {
        // A wide terminal has room for every kind at once.
        for (const heading of ['Air ports', 'Land ports', 'Sea ports']) expect(first).toContain(heading);
      } else {
        // A narrow one scrolls, and says there is more.
        expect(first).toMatch(/^▼ more below \(\d+\)$/m);
      }

      // The selected site's wait over the last hour, from the hub's history and live reports.
      await term.waitFor((s) => drawn(s) && /^wait, last \d+ min .*now \d+ min$/m.test(s), 'the wait sparkline');

      // Move: l (right), then the arrow down, then k (up) — each changes the selection line.
      const start = selectedSiteId(first)!;
      await term.keys('l');
      const moved = selectedSiteId(await term.waitFor(selectionOtherThan(start), 'the selection moved right'))!;
      await term.keys('Down');
      const down = selectedSiteId(await term.waitFor(selectionOtherThan(moved), 'the selection moved down'))!;
      await term.keys('k');
      await term.waitFor((s) => drawn(s) && selectedSiteId(s) === moved, `the selection back up on ${moved}`);
      expect(down).not.toBe(moved);

      // Enter: the selected site in detail, from the hub; Esc: back to the wall.
      await term.keys('Enter');
      const detail = await term.waitFor((s) => drawn(s) && /\d+ assets/.test(s) && s.includes(moved), `${moved} in detail`);
      expect(detail).not.toContain('Air ports');
      expect(detail).toMatch(/^wait, last \d+ min /m);
      await term.keys('Escape');
      await term.waitFor((s) => drawn(s) && s.includes('Air ports') && selectedSiteId(s) === moved, 'the wall again');

      // A new sev1 at a quiet site, then `/` + its id: the wall and queue narrow to it.
      const site = await quietSite(taken);
      taken.add(site.id);
      const { incident } = await checker.createIncident({ title: `tmux e2e ${width}x${height}`, severity: 'sev1', siteId: site.id });
      await term.keys('/');
      await term.waitFor((s) => s.includes('Enter keeps'), 'the filter prompt');
      await term.type(site.id.toLowerCase());
      // Keys sent together reach the UI as one input: Enter goes once the typing is drawn.
      await term.waitFor((s) => s.includes(`/${site.id.toLowerCase()} `) && selectedSiteId(s) === site.id && s.includes(incident.id), `the wall narrowed to ${site.id}`);
      await term.keys('Enter');
      const filtered = await term.waitFor((s) => drawn(s) && s.includes(`filter "${site.id.toLowerCase()}"`) && s.includes(incident.id), 'the filtered screen with the new incident');
      expect(selectedSiteId(filtered)).toBe(site.id);
      // One site under its kind's heading, one incident in the queue.
      expect(filtered.split('\n')[0]).toMatch(/ports \(1\)|centres \(1\)/);
      expect(filtered).toContain('Incidents (1 open)');

      // Tab to the queue, `a` to acknowledge: the hub has it, from the profile's token.
      await term.keys('Tab');
      await term.waitFor((s) => drawn(s) && s.includes('▶ Incidents'), 'the queue focused');
      await term.keys('a');
      await term.waitFor((s) => s.includes(`acknowledged ${incident.id}`), 'the acknowledgement');
      const stored = (await checker.getIncident(incident.id)).incident;
      expect(stored.state).toBe('acknowledged');
      expect(stored.acknowledgedBy).toEqual({ id: watcher.id, name: watcher.name });

      // Enter: the incident in detail. Resolved elsewhere, it offers no actions, and e is refused
      // on the screen (no hub time in ISO form left in the status line) without reaching the hub.
      await term.keys('Enter');
      await term.waitFor((s) => drawn(s) && s.includes('a: acknowledge') && s.includes(`tmux e2e ${width}x${height}`), `${incident.id} in detail`);
      await admin.resolve(incident.id, 'tmux e2e: reader reseated');
      const resolved = await term.waitFor((s) => drawn(s) && s.includes('Enter or Esc: back') && !s.includes('a: acknowledge'), 'the pane of a resolved incident');
      expect(resolved).toContain('resolved: tmux e2e: reader reseated');
      await term.keys('e');
      const refused = await term.waitFor((s) => s.includes(`${incident.id} is resolved: nothing more to do on it`), 'e refused on a resolved incident');
      expect(refused).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect((await checker.getIncident(incident.id)).incident.escalations).toBe(0);
      await term.keys('Escape');
      await term.waitFor((s) => drawn(s) && s.includes('▶ Incidents'), 'the queue again');

      await term.keys('q');
      await waitUntil(() => term.exited(), { what: 'watch to exit after q', timeoutMs: 10_000, intervalMs: 100 });
    }, 90_000);
  });

  it('grouped by region at 80×24, the airport and the sea port of one city are told apart', async () => {
    const term = await openTerminal(80, 24, ['watch']);
    await term.waitFor((s) => drawn(s) && s.includes('Air ports'), 'the live fleet', 30_000);
    await term.keys('g');
    await term.waitFor((s) => drawn(s) && s.includes('by region'), 'grouped by region');
    await term.keys('/');
    await term.waitFor((s) => s.includes('Enter keeps'), 'the filter prompt');
    await term.type('makkah');
    await term.waitFor((s) => s.includes('/makkah '), 'the typed filter');
    await term.keys('Enter');
    const makkah = await term.waitFor((s) => drawn(s) && s.includes('filter "makkah"') && /^Makkah \(\d+\)/m.test(s), 'Makkah alone');
    const tiles = makkah.split(/^Incidents \(/m)[0]!;
    // King Abdulaziz airport (JED) and Jeddah Islamic Port (SEA-JED): one tile each, and different.
    expect(tiles.match(/[·▲✖A-Z]JED\s/g)).toHaveLength(1);
    expect(tiles.match(/[·▲✖A-Z]S-JED\s/g)).toHaveLength(1);
    await term.keys('q');
    await waitUntil(() => term.exited(), { what: 'watch to exit after q', timeoutMs: 10_000, intervalMs: 100 });
  }, 60_000);

  describe.each([
    { width: 100, height: 30 },
    { width: 300, height: 90 },
  ])('watchfloor watch --wall at $width×$height in tmux', ({ width, height }) => {
    it('shows every site, each by its whole id, within one turn of its pages', async () => {
      const { sites } = await checker.fleetStatus();
      // 103 ports and service centres, and the contact centre.
      expect(sites.length).toBe(104);
      const term = await openTerminal(width, height, ['watch', '--wall']);
      const first = await term.waitFor((s) => drawn(s) && s.includes('Incidents ('), 'the wall', 30_000);
      const pages = Number(/page \d+\/(\d+)/.exec(lastLine(first))?.[1] ?? 1);
      const screens = new Map<number, string>();
      await term.waitFor(
        (s) => {
          if (drawn(s) && s.includes('Incidents (')) screens.set(Number(/page (\d+)\//.exec(lastLine(s))?.[1] ?? 1), s);
          return screens.size === pages;
        },
        `all ${pages} pages of the wall`,
        pages * WALL_PAGE_MS + 15_000,
      );
      const tiles = [...screens.values()].map((s) => s.split(/^Incidents \(/m)[0]!).join('\n');
      // A whole id: not part of a longer one (JED in SEA-JED or JED-HAJJ) and not cut (SEA-YNB-I…).
      const missing = sites.filter((s) => !new RegExp(`(?<![\\w-])${s.id}(?![\\w-]|…)`).test(tiles)).map((s) => s.id);
      expect(missing).toEqual([]);
      if (width >= 300) {
        // Large tiles, names and all, on one page.
        expect(pages).toBe(1);
        expect(first).toContain('King Fahd Causeway');
      } else {
        expect(pages).toBeGreaterThan(1);
        expect(lastLine(first)).toMatch(/^● live\s+page \d\/\d · by kind$/);
      }
    }, 90_000);
  });

  describe('watchfloor demo in tmux', () => {
    it('opens the watch UI on its own demo hub, and q stops it', async () => {
      // Its own config directory: the demo makes its profile active.
      const own = cliEnv();
      try {
        const term = await openTerminal(80, 24, ['demo', '--port', '0', '--seed', '7'], own.env);
        await term.waitFor((s) => drawn(s) && s.includes('Air ports'), 'the live fleet', 30_000);
        await term.keys('q');
        await waitUntil(() => term.exited(), { what: 'the demo to exit after q', timeoutMs: 15_000, intervalMs: 100 });
        // Back from the alternate screen: the demo's note on its profile is still there.
        expect(await term.screen()).toContain('(then back to "default")');
      } finally {
        own.cleanup();
      }
    }, 60_000);
  });
});
