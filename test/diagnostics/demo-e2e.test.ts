// End to end with the demo: the real fleet, simulator and device emulator,
// and automatic mode. Faults injected into the world raise incidents through
// the real intake; the runner fixes, mitigates or dispatches them, and the
// emulator's ground truth confirms no incident was resolved while its fault
// is still present.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { Asset, AssetKind, Incident } from '../../src/core/model.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { waitUntil } from '../helpers/wait-until.js';

let hub: TestHub;
let admin: CoreClient;

interface TruthFault {
  assetId: string;
  fault: string;
  hardware: boolean;
  mitigated: boolean;
}

async function control<T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${hub.simUrl}/control/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${hub.simToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  hub = await startTestHub({ demo: true, seed: 11, speed: 60, autoRemediate: 'all' });
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
});
afterAll(async () => {
  await admin?.close();
  await hub?.stop();
});

// [asset kind, fault, what automatic mode should end with]
const DRILL: [AssetKind, string, 'resolved' | 'dispatched' | 'mitigated'][] = [
  ['egate', 'card-reader-jam', 'resolved'],
  ['passport-reader', 'firmware-mismatch', 'resolved'],
  ['server', 'expired-certificate', 'resolved'],
  ['cctv', 'storage-full', 'resolved'],
  ['egate', 'door-motor-failure', 'dispatched'],
  ['network-link', 'fibre-cut', 'dispatched'],
  ['integration', 'upstream-outage', 'mitigated'],
];

describe('automatic mode on the demo fleet', () => {
  it('fixes what is remotely fixable, mitigates an outage, dispatches hardware — never a false resolution', async () => {
    const assets = await admin.listAssets({});
    const used = new Set<string>();
    const pick = (kind: AssetKind): Asset => {
      const asset = assets.find((a) => a.kind === kind && !used.has(a.id) && (a.siteId === 'JED' || a.siteId === null));
      used.add(asset!.id);
      return asset!;
    };
    const drills = DRILL.map(([kind, fault, expected]) => ({ asset: pick(kind), fault, expected }));
    for (const d of drills) {
      await control(`/faults/${d.asset.id}`, 'DELETE');
      const injected = await control<{ fault: TruthFault }>('/faults', 'POST', { assetId: d.asset.id, fault: d.fault });
      expect(injected.status, `${d.asset.id} ${d.fault}`).toBe(201);
    }

    for (const d of drills) {
      const ended = async (): Promise<Incident | undefined> => {
        const list = await admin.listIncidents({ limit: 1000 });
        const mine = list.filter((i) => i.assetId === d.asset.id);
        if (d.expected === 'resolved') return mine.find((i) => i.state === 'resolved' && i.summary?.startsWith('fixed remotely'));
        if (d.expected === 'dispatched') return mine.find((i) => i.state === 'dispatched');
        for (const i of mine.filter((x) => x.state !== 'resolved')) {
          if ((await admin.getIncident(i.id)).timeline.some((t) => t.text.includes('mitigated'))) return i;
        }
        return undefined;
      };
      const incident = await waitUntil(ended, { what: `${d.asset.id} (${d.fault}) to be ${d.expected}`, timeoutMs: 40_000, intervalMs: 250 });
      const truth = (await control<{ faults: TruthFault[] }>('/faults')).body.faults.find((f) => f.assetId === d.asset.id);
      if (d.expected === 'resolved') expect(truth, `${d.fault} gone after the fix`).toBeUndefined();
      if (d.expected === 'dispatched') {
        expect(truth).toMatchObject({ fault: d.fault });
        const [dispatch] = await admin.listDispatches({ state: 'open' }).then((all) => all.filter((x) => x.incidentId === incident.id));
        expect(dispatch).toMatchObject({ assetId: d.asset.id, state: 'open' });
      }
      if (d.expected === 'mitigated') expect(truth).toMatchObject({ fault: d.fault, mitigated: true });
    }

    // No incident resolved remotely while its fault is still present in the world.
    const truth = (await control<{ faults: TruthFault[] }>('/faults')).body.faults;
    const faulted = new Set(truth.filter((f) => !f.mitigated).map((f) => f.assetId));
    const resolvedRemotely = (await admin.listIncidents({ state: 'resolved', limit: 1000 })).filter((i) => i.summary?.startsWith('fixed remotely'));
    expect(resolvedRemotely.length).toBeGreaterThanOrEqual(4);
    const lastRemote = new Map(resolvedRemotely.map((i) => [i.assetId, i]));
    const open = await admin.listIncidents({ state: 'open', limit: 1000 });
    for (const [assetId] of lastRemote) {
      // A fault back on the asset later must have its own open incident (or be brand new).
      if (faulted.has(assetId!)) expect(open.some((i) => i.assetId === assetId)).toBe(true);
    }

    const kpi = await admin.remoteKpi({ since: '1h' });
    expect(kpi.fixedRemotely).toBeGreaterThanOrEqual(4);
    expect(kpi.dispatched).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('a dry run on a faulted demo asset reads the emulator and plans a dispatch for a hardware fault', async () => {
    const gate = (await admin.listAssets({ site: 'RUH', kind: 'egate' })).at(-1)!;
    await control(`/faults/${gate.id}`, 'DELETE');
    await control('/faults', 'POST', { assetId: gate.id, fault: 'door-motor-failure' });
    const [plan] = await admin.diagnose({ target: gate.id, dryRun: true, fix: true });
    expect(plan).toMatchObject({ verdict: 'planned', actions: [], findings: [{ code: 'door-failed', cause: 'hardware' }] });
    expect(plan!.summary).toMatch(/^would dispatch/);
  }, 60_000);
});
