// Places as people type them, through the built CLI against a real demo hub:
// `sites show SITE` (the same detail and JSON as `status SITE`), site arguments
// by fragment and city, and `--region` by any case, Arabic, a fragment or a city
// (core/site-match.ts) — several that fit are exit 4 naming them, never a guess.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../src/core/model.js';
import { cliEnv, runCli, runCliJson, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

let hub: TestHub;
let cli: CliEnv;

beforeAll(async () => {
  hub = await startTestHub({ demo: true, seed: 7 });
  cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken });
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

const json = (...args: string[]) => runCliJson(args, cli.env);
const ids = (sites: Site[]) => sites.map((s) => s.id).sort();

describe('sites show SITE', () => {
  it('shows the detail `status SITE` shows, in the same JSON shape, by id, fragment or alias', async () => {
    const shown = await json('sites', 'show', 'ruh');
    expect(shown.code, shown.stderr).toBe(0);
    expect(Object.keys(shown.body).sort()).toEqual(['assets', 'incidents', 'site', 'status']);
    expect(shown.body.site.id).toBe('RUH');
    const status = await json('status', 'RUH');
    expect(status.body.site).toEqual(shown.body.site);
    expect((await json('sites', 'view', 'king khalid')).body.site.id).toBe('RUH');
    const text = await runCli(['sites', 'show', 'khalid'], cli.env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^RUH\s+King Khalid International Airport/);
  });

  it('a city of several sites is exit 4 listing them, ports first (details.ambiguous)', async () => {
    for (const args of [['sites', 'show', 'jeddah'], ['status', 'JEDDAH'], ['status', 'جدة']]) {
      const r = await json(...args);
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.body.error.code).toBe('not_found');
      expect(r.body.error.details.ambiguous).toBe(true);
      expect(r.body.error.details.suggestions.slice(0, 3)).toEqual(['JED', 'JED-HAJJ', 'SEA-JED']);
    }
  });

  it('without a site it is a usage error (exit 2)', async () => {
    expect((await runCli(['sites', 'show'], cli.env)).code).toBe(2);
  });
});

describe('sites list --region', () => {
  it('matches the region in any case, in Arabic, or by a fragment: the same sites each way', async () => {
    const makkah = await json('sites', 'list', '--region', 'makkah');
    expect(makkah.code, makkah.stderr).toBe(0);
    expect(ids(makkah.body.sites)).toContain('JED');
    expect(new Set(makkah.body.sites.map((s: Site) => s.region))).toEqual(new Set(['Makkah']));
    for (const typed of ['MAKKAH', 'مكة', 'مكه المكرمه', 'makk']) {
      const r = await json('sites', 'list', '--region', typed);
      expect(r.code, `${typed}: ${r.stderr}`).toBe(0);
      expect(ids(r.body.sites), typed).toEqual(ids(makkah.body.sites));
    }
  });

  it('a city names the region it lies in, and --kind narrows it', async () => {
    const r = await json('sites', 'list', '--region', 'jeddah', '--kind', 'sea');
    expect(r.code, r.stderr).toBe(0);
    expect(ids(r.body.sites)).toContain('SEA-JED');
    for (const s of r.body.sites as Site[]) expect([s.region, s.kind]).toEqual(['Makkah', 'sea']);
  });

  it('a fragment of several regions is exit 4 naming them; an unknown one is exit 4 with the nearest', async () => {
    const several = await json('sites', 'list', '--region', 'ern');
    expect(several.code).toBe(4);
    expect(several.body.error.details).toEqual({ suggestions: ['Eastern Province', 'Northern Borders'], ambiguous: true });
    const text = await runCli(['sites', 'list', '--region', 'ern'], cli.env);
    expect(text.stderr.split('\n')[0]).toBe('watchfloor: "ern" matches more than one region: Eastern Province, Northern Borders');
    const unknown = await json('sites', 'list', '--region', 'makah');
    expect(unknown.code).toBe(4);
    expect(unknown.body.error.details).toEqual({ suggestions: ['Makkah', 'Al Bahah'], ambiguous: false });
  });
});
