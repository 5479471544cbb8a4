// The inventory on a real hub, through CoreClient: CSV tables with their
// lines in errors, sections a file leaves out left as they are, two files
// claiming one section, and a hub started with no sites saying how to load them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { PlaybookFileError } from '../../src/core/model.js';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;

beforeAll(async () => {
  // No demo world: an empty hub, as a deployment starts.
  hub = await startFixtureHub({ demo: false });
});

afterAll(async () => {
  await hub?.stop();
});

const SITES_CSV = [
  'id,name_en,name_ar,kind,region,city,lat,lon,staff',
  'RUH,"King Khalid International Airport, Riyadh",مطار الملك خالد الدولي,air,Riyadh,Riyadh,24.9576,46.6988,1200',
  'DMM,"King Fahd International Airport",مطار الملك فهد الدولي,air,Eastern,Dammam,26.4712,49.7979,800',
  '',
].join('\r\n');
const ASSETS_CSV = [
  'id,site,kind,name,management_url,depends_on',
  'platform/visa,,integration,E-visa (MOFA),,',
  'RUH/egate-01,RUH,egate,"E-gate 01, hall ""A""",https://ruh-egate-01.border.local:8443,platform/visa',
  'DMM/egate-01,DMM,egate,E-gate 01,,platform/visa RUH/egate-01',
  '',
].join('\n');

async function problems(files: { name: string; text: string }[]): Promise<PlaybookFileError[]> {
  const e = await hub.admin.planInventory(files).then(() => undefined, (e: unknown) => e);
  expect(e).toBeInstanceOf(UsageError);
  return (e as UsageError).details.errors as PlaybookFileError[];
}

describe('inventory on a hub', () => {
  it('a hub started with no sites says how to load an inventory', () => {
    expect(hub.logs.some((l) => l.includes('no sites yet') && l.includes('watchfloor inventory apply'))).toBe(true);
  });

  it('reads a sites table and an assets table from CSV: quoted commas, doubled quotes, CRLF, dependencies', async () => {
    const result = await hub.admin.applyInventory([{ name: 'sites.csv', text: SITES_CSV }, { name: 'assets.csv', text: ASSETS_CSV }]);
    expect(result.applied).toBe(true);
    expect(result.plan.sites.add.map((s) => s.name.en)).toEqual(['King Khalid International Airport, Riyadh', 'King Fahd International Airport']);
    expect(result.plan.assets.add.find((a) => a.id === 'RUH/egate-01')).toMatchObject({ name: 'E-gate 01, hall "A"', managementUrl: 'https://ruh-egate-01.border.local:8443' });
    expect(result.plan.dependencies.add).toEqual([
      { asset: 'RUH/egate-01', dependsOn: 'platform/visa' },
      { asset: 'DMM/egate-01', dependsOn: 'platform/visa' },
      { asset: 'DMM/egate-01', dependsOn: 'RUH/egate-01' },
    ]);
    // No alertLabels in CSV: the mapping is left as it is.
    expect(result.plan.unmanaged).toEqual(['alertLabels']);
  });

  it('names the CSV line of a bad row and its field', async () => {
    const bad = SITES_CSV.replace('air,Eastern', 'airport,Eastern').replace('26.4712', 'north');
    expect(await problems([{ name: 'sites.csv', text: bad }])).toEqual([
      { file: 'sites.csv', line: 3, field: 'sites[1].kind', message: '"airport" is not one of air, land, sea, service-centre, contact-centre' },
      { file: 'sites.csv', line: 3, field: 'sites[1].lat', message: 'expected a number, not text' },
    ]);
    expect(await problems([{ name: 'x.csv', text: 'id,colour\nRUH,red\n' }])).toEqual([
      { file: 'x.csv', line: 1, field: null, message: 'the header names neither a sites table (id,name_en,name_ar,…) nor an assets table (id,site,kind,name,…)' },
    ]);
  });

  it('reads JSON as JSON, and still names the line of a problem in it', async () => {
    const json = '{\n  "assets": [\n    { "id": "RUH/x", "site": "RUH", "kind": "toaster", "name": "X" }\n  ]\n}\n';
    expect(await problems([{ name: 'inventory.json', text: json }])).toEqual([
      { file: 'inventory.json', line: 3, field: 'assets[0].kind', message: expect.stringMatching(/^"toaster" is not one of egate, /) },
    ]);
  });

  it('leaves the sections a file leaves out as they are', async () => {
    const plan = await hub.admin.planInventory([{ name: 'assets.csv', text: ASSETS_CSV.replace(',E-gate 01,,', ',E-gate 1,,') }]);
    expect(plan.unmanaged).toEqual(['sites', 'alertLabels']);
    expect(plan.sites).toEqual({ add: [], change: [], remove: [] });
    expect(plan.assets.change).toEqual([{ id: 'DMM/egate-01', fields: [{ field: 'name', before: 'E-gate 01', after: 'E-gate 1' }] }]);
  });

  it('refuses one section from two files, on the line of the second', async () => {
    const yaml = 'alertLabels:\n  site: [{ label: site }]\n  asset: []\nsites: []\n';
    expect(await problems([{ name: 'sites.csv', text: SITES_CSV }, { name: 'more.yaml', text: yaml }])).toEqual([
      { file: 'more.yaml', line: 4, field: 'sites', message: 'also in sites.csv: each section comes from one file' },
    ]);
  });

  it("the README's example is an inventory the hub reads", async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const example = /```yaml\n# inventory\.yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const plan = await hub.admin.planInventory([{ name: 'inventory.yaml', text: example! }]);
    expect(plan.sites.add.map((s) => s.id)).toEqual(['LND-BATHA']);
    expect(plan.alertLabels?.after.asset).toHaveLength(3);
  });

  it('removing a site takes its assets and their dependencies, and the export round-trips', async () => {
    const result = await hub.admin.applyInventory([{ name: 'sites.csv', text: SITES_CSV.split('\r\n').filter((l) => !l.startsWith('DMM')).join('\r\n') }]);
    expect(result.plan.sites.remove).toEqual([{ id: 'DMM', openIncidents: [] }]);
    expect(result.plan.assets.remove.map((a) => a.id)).toEqual(['DMM/egate-01']);
    expect(await hub.admin.listAssets()).toHaveLength(2);
    const exported = await hub.admin.exportInventory();
    expect((await hub.admin.planInventory([{ name: 'export.json', text: JSON.stringify(exported) }])).changes).toBe(false);
  });
});
