// `incidents list --region` and grouped incidents: a parent with no site (a
// national platform's outage) or at a site elsewhere is listed for a region
// when one of its children is there; its children fold under it unless asked for.
import { describe, expect, it } from 'vitest';
import type { VerbContext } from '../../src/commands/context.js';
import { listIncidents, type IncidentsListInput } from '../../src/commands/incidents/list.js';
import type { IncidentFilter } from '../../src/core/client.js';
import { SITES, incident } from './fixtures.js';

const platformOutage = incident(1, { siteId: null, assetId: null, childCount: 2, title: 'national platform down' });
const atJed = incident(2, { siteId: 'JED', parentId: platformOutage.id });
const atRuh = incident(3, { siteId: 'RUH', parentId: platformOutage.id });
const ruhOwn = incident(4, { siteId: 'RUH' });
const kfcOwn = incident(5, { siteId: 'LND-KFC' });
const input = (over: Partial<IncidentsListInput>): IncidentsListInput => ({ state: 'all', site: undefined, severity: undefined, limit: undefined, ...over });
const ALL = [platformOutage, atJed, atRuh, ruhOwn, kfcOwn];

function ctx(asked: IncidentFilter[]) {
  const client = {
    listSites: async () => SITES,
    findRegion: async (typed: string) => (typed.toLowerCase().startsWith('riy') ? 'Riyadh' : 'Makkah'),
    listIncidents: async (filter: IncidentFilter) => {
      asked.push(filter);
      return ALL.filter((i) => filter.children !== false || !i.parentId);
    },
  };
  return { client: () => client, globals: { wide: false } } as unknown as Pick<VerbContext, 'client' | 'globals'>;
}

describe('incidents list --region with grouped incidents', () => {
  it('lists the parent of a child in the region, once, and folds the children', async () => {
    const asked: IncidentFilter[] = [];
    const ids = (await listIncidents(input({ region: 'riyadh' }), ctx(asked))).map((i) => i.id);
    expect(ids).toEqual([platformOutage.id, ruhOwn.id]);
    expect(asked[0]!.children).toBeUndefined();
    expect((await listIncidents(input({ region: 'makkah' }), ctx([]))).map((i) => i.id)).toEqual([platformOutage.id]);
  });

  it('--children lists the region\'s children beside their parent, and not the children elsewhere', async () => {
    const ids = (await listIncidents(input({ region: 'riyadh', children: true }), ctx([]))).map((i) => i.id);
    expect(ids).toEqual([platformOutage.id, atRuh.id, ruhOwn.id]);
  });
});
