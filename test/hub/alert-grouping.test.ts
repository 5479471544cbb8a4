// One incident per cause, over real HTTP on a real hub: alerts of assets
// behind a failing dependency go under one parent (the dependency's own alert,
// or a suspected cause the hub opens), the same alert at many sites goes under
// one shared parent, and an alert that keeps firing and resolving is one
// flapping incident. Children are counted on the parent and listed under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { Asset, Site } from '../../src/core/model.js';
import { rawRequest, startFixtureHub, tinyFleet, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let intake: CoreClient;
let viewer: CoreClient;

const asset = (id: string, siteId: string | null, kind: Asset['kind']): Asset => ({ id, siteId, kind, name: id, health: 'ok', managementUrl: null });
const site = (id: string): Site => ({ ...tinyFleet().sites[0]!, id, name: { en: id, ar: id } });

function fleet() {
  const base = tinyFleet();
  const sites = [...base.sites, site('DMM'), site('MED')];
  const gates = ['RUH/egate-07', 'RUH/egate-08', 'RUH/egate-09'];
  const assets = [...base.assets, asset('RUH/egate-09', 'RUH', 'egate'), asset('RUH/network-link-01', 'RUH', 'network-link'), asset('platform/identity', null, 'integration')];
  const dependencies = gates.flatMap((g) => [{ asset: g, dependsOn: 'RUH/network-link-01' }, { asset: g, dependsOn: 'platform/identity' }]);
  dependencies.push({ asset: 'JED/egate-01', dependsOn: 'platform/identity' });
  return { sites, assets, dependencies };
}

type Status = 'firing' | 'resolved';
const alert = (labels: Record<string, string>, status: Status = 'firing', fingerprint?: string) => ({
  status,
  labels: { severity: 'major', ...labels },
  annotations: {},
  startsAt: '2026-01-01T00:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: '',
  fingerprint: fingerprint ?? Object.values(labels).join('|'),
});
const send = (alerts: ReturnType<typeof alert>[]) =>
  intake.ingestAlertmanager({ version: '4', groupKey: 'g', status: alerts[0]!.status, receiver: 'watchfloor', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: '', alerts } as never);

beforeAll(async () => {
  hub = await startFixtureHub({ fleet: fleet() });
  intake = await hub.clientAs('intake', 'alertmanager');
  viewer = await hub.clientAs('viewer', 'wall');
});

afterAll(async () => {
  await hub?.stop();
});

describe('dependency grouping', () => {
  const gate = (n: string, status: Status = 'firing') => alert({ alertname: 'EGateOutOfService', site: 'RUH', asset: `egate-${n}` }, status);

  it('alerts of two assets on one link open one suspected-cause parent for the link, the narrowest shared dependency', async () => {
    const first = await send([gate('07')]);
    expect(first.created).toHaveLength(1);
    const second = await send([gate('08'), gate('09')]);
    const top = await viewer.listIncidents({ state: 'open' });
    const parent = top.find((i) => i.assetId === 'RUH/network-link-01')!;
    expect(parent).toMatchObject({ parentId: null, grouping: 'cause', childCount: 3, severity: 'sev2' });
    const children = [first.created[0]!, ...second.created];
    for (const id of children) expect((await viewer.getIncident(id)).incident).toMatchObject({ parentId: parent.id, grouping: 'cause' });
    // Folded: the queue without children shows the parent only; its detail lists them.
    const folded = await viewer.listIncidents({ state: 'open', children: false });
    expect(folded.map((i) => i.id)).toEqual([parent.id]);
    expect((await viewer.getIncident(parent.id)).children?.map((c) => c.id).sort()).toEqual([...children].sort());
    expect((await viewer.listIncidents({ parent: parent.id })).map((c) => c.id).sort()).toEqual([...children].sort());
  });

  it('the link\'s own alert confirms the parent rather than opening another', async () => {
    const r = await send([alert({ alertname: 'NetworkLinkDown', site: 'RUH', asset: 'network-link-01' })]);
    expect(r.created).toEqual([]);
    const { incident } = await viewer.getIncident(r.updated[0]!);
    expect(incident).toMatchObject({ assetId: 'RUH/network-link-01', grouping: null, childCount: 3, fingerprint: expect.any(String) });
  });

  it('when the cause resolves, children resolved with it close and one still firing is detached', async () => {
    const parentId = (await viewer.listIncidents({ state: 'open' })).find((i) => i.assetId === 'RUH/network-link-01')!.id;
    await send([gate('07', 'resolved'), gate('08', 'resolved'), alert({ alertname: 'NetworkLinkDown', site: 'RUH', asset: 'network-link-01' }, 'resolved')]);
    const all = await viewer.listIncidents({});
    const byAsset = (a: string) => all.find((i) => i.assetId === a)!;
    expect(byAsset('RUH/network-link-01')).toMatchObject({ id: parentId, state: 'resolved' });
    expect(byAsset('RUH/egate-07')).toMatchObject({ state: 'resolved', parentId });
    expect(byAsset('RUH/egate-09')).toMatchObject({ state: 'triggered', parentId: null, grouping: null });
    await send([gate('09', 'resolved')]);
  });

  it('the link\'s own alert just after one gate\'s takes that gate under it: one incident per cause, whatever the order', async () => {
    const reader = (status: Status = 'firing') => alert({ alertname: 'EGateReaderFault', site: 'RUH', asset: 'egate-08' }, status);
    const link = (status: Status = 'firing') => alert({ alertname: 'NetworkLinkDegraded', site: 'RUH', asset: 'network-link-01' }, status);
    const gateFirst = await send([reader()]);
    const linkNext = await send([link()]);
    const cause = (await viewer.getIncident(linkNext.created[0]!)).incident;
    expect(cause).toMatchObject({ assetId: 'RUH/network-link-01', parentId: null, childCount: 1 });
    expect((await viewer.getIncident(gateFirst.created[0]!)).incident).toMatchObject({ parentId: cause.id, grouping: 'cause' });
    await send([reader('resolved'), link('resolved')]);
  });
});

describe('time-window grouping', () => {
  const down = (siteId: string, status: Status = 'firing') => alert({ alertname: 'VisaPlatformUnreachable', site: siteId, job: 'probe' }, status);

  it('the same alert at three sites within the window is one shared parent with the site incidents under it', async () => {
    const a = await send([down('RUH'), down('JED')]);
    expect(a.created).toHaveLength(2);
    const b = await send([down('DMM')]);
    const later = await send([down('MED')]);
    const parent = (await viewer.listIncidents({ state: 'open' })).find((i) => i.grouping === 'window' && i.siteId === null)!;
    expect(parent).toMatchObject({ parentId: null, childCount: 4, title: expect.stringContaining('VisaPlatformUnreachable') });
    for (const id of [...a.created, ...b.created, ...later.created]) expect((await viewer.getIncident(id)).incident.parentId).toBe(parent.id);
    const text = await rawRequest(`${hub.url}/metrics`);
    expect(text.text).toMatch(/watchfloor_alerts_grouped_total\{kind="window"\} 4/);
  });

  it('the shared parent closes by itself once every site has cleared', async () => {
    const parentId = (await viewer.listIncidents({ state: 'open' })).find((i) => i.grouping === 'window')!.id;
    await send(['RUH', 'JED', 'DMM', 'MED'].map((s) => down(s, 'resolved')));
    expect((await viewer.getIncident(parentId)).incident.state).toBe('resolved');
  });

  it('a supervisor resolving the shared parent by hand lets go of the children still firing, as the alert path does', async () => {
    const sites = ['RUH', 'JED', 'DMM'];
    const r = await send(sites.map((s) => alert({ alertname: 'ByHand', site: s })));
    const parent = (await viewer.listIncidents({ state: 'open', children: false })).find((i) => i.title.startsWith('ByHand'))!;
    expect(parent.childCount).toBe(3);
    await (await hub.clientAs('supervisor', 'noura')).resolve(parent.id, 'platform vendor restored service');
    for (const id of r.created.filter((id) => id !== parent.id)) {
      expect((await viewer.getIncident(id)).incident).toMatchObject({ state: 'triggered', parentId: null });
    }
    await send(sites.map((s) => alert({ alertname: 'ByHand', site: s }, 'resolved')));
  });

  it('two sites are not enough', async () => {
    const r = await send([alert({ alertname: 'Rare', site: 'RUH' }), alert({ alertname: 'Rare', site: 'JED' })]);
    for (const id of r.created) expect((await viewer.getIncident(id)).incident.parentId).toBeNull();
  });
});

describe('time-window grouping with the hub\'s own rules (hub start --group-sites, --group-window)', () => {
  it('takes as many sites as the hub was told: three are not enough for a hub started with four', async () => {
    const strict = await startFixtureHub({ fleet: fleet(), grouping: { windowSites: 4 } });
    try {
      const feed = await strict.clientAs('intake', 'alertmanager');
      const post = (sites: string[]) =>
        feed.ingestAlertmanager({ version: '4', groupKey: 'g', status: 'firing', receiver: 'watchfloor', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: '', alerts: sites.map((s) => alert({ alertname: 'Strict', site: s })) } as never);
      const three = await post(['RUH', 'JED', 'DMM']);
      expect(three.created).toHaveLength(3);
      for (const id of three.created) expect((await strict.admin.getIncident(id)).incident.parentId).toBeNull();
      await post(['MED']);
      const parent = (await strict.admin.listIncidents({ state: 'open', children: false })).find((i) => i.grouping === 'window');
      expect(parent).toMatchObject({ childCount: 4 });
    } finally {
      await strict.stop();
    }
  });
});

describe('flapping', () => {
  const flap = (status: Status) => alert({ alertname: 'CounterWorkstationDown', site: 'RUH', asset: 'counter-01' }, status, 'flappy');

  it('an alert firing and resolving again and again becomes one incident marked flapping, kept open', async () => {
    const created = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const f = await send([flap('firing')]);
      f.created.forEach((id) => created.add(id));
      await send([flap('resolved')]);
    }
    const incidents = (await viewer.listIncidents({})).filter((i) => i.fingerprint === 'flappy');
    const open = incidents.filter((i) => i.state !== 'resolved');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ flapping: true });
    expect(incidents.length).toBeLessThanOrEqual(2);
    expect(created.size).toBe(incidents.length);
  });
});
