// The crash test: a hub process really killed (SIGKILL) while a step of a run
// is at a device, a new hub process on the same data file, and the run
// resumes and ends — with every action counted at the device emulator (a
// process of its own, alive throughout) carried out once per intent: the
// step under way when the hub died was sent again with its key and replayed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { AppliedAction, Asset, PlaybookRunDetail, Site } from '../../src/core/model.js';
import { PlaybookDefinition } from '../../src/core/model.js';
import { startCrashChild, type ChildProcessHandle } from '../helpers/crash-hub/process.js';
import { waitUntil } from '../helpers/wait-until.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
const SITE: Site = { id: 'RUH', name: { en: 'King Khalid International Airport', ar: 'مطار الملك خالد الدولي' }, kind: 'air', region: 'Riyadh', city: 'Riyadh', cityAr: null, lat: 24.96, lon: 46.7, neighbour: null, annualPassengers: null, staff: 880, source: null };
const asset = (id: string, kind: Asset['kind']): Asset => ({ id, siteId: 'RUH', kind, name: id, health: 'ok', managementUrl: null });
const ASSETS = [asset('RUH/egate-01', 'egate'), asset('RUH/egate-02', 'egate'), asset('RUH/link-primary', 'network-link')];
const PLAYBOOK = PlaybookDefinition.parse({
  id: 'gate-bank',
  version: 1,
  title: bi('E-gate bank'),
  description: bi('restart the bank, reboot the stuck gate, fail the link over'),
  severity: 'sev2',
  steps: [
    { id: 'restart-01', type: 'remediate', target: 'RUH/egate-01', action: 'restart-service' },
    { id: 'surge', type: 'set-mode', site: 'RUH', mode: 'surge' },
    { id: 'reboot-02', type: 'remediate', target: 'RUH/egate-02', action: 'reboot' },
    { id: 'tell', type: 'notify', channel: '#ops', message: bi('gates rebooted') },
    { id: 'failover', type: 'remediate', target: 'RUH/link-primary', action: 'failover-link' },
    { id: 'normal', type: 'set-mode', site: 'RUH', mode: 'normal' },
  ].map((s) => ({ title: bi(s.id), ...s })),
});
const CREDENTIALS = { control: 'wfsim_crash-test-control', device: 'wfdev_crash-test-device' };

let dir: string;
let devices: ChildProcessHandle;
const hubs: ChildProcessHandle[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-crash-'));
  devices = await startCrashChild({ mode: 'devices', assets: ASSETS, ...CREDENTIALS, effortMs: [800, 1200] });
}, 60_000);

afterAll(async () => {
  for (const h of hubs) await h.kill();
  await devices?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const startHub = async () => {
  const hub = await startCrashChild({
    mode: 'hub',
    dataFile: join(dir, 'hub.sqlite'),
    sites: [SITE],
    assets: ASSETS,
    devicesUrl: devices.url,
    ...CREDENTIALS,
    playbooks: [PLAYBOOK],
  });
  hubs.push(hub);
  return hub;
};

async function applied(): Promise<AppliedAction[]> {
  const res = await fetch(`${devices.url}/control/v1/actions`, { headers: { authorization: `Bearer ${CREDENTIALS.control}` }, signal: AbortSignal.timeout(5_000) });
  return ((await res.json()) as { actions: AppliedAction[] }).actions;
}

describe('a hub killed with SIGKILL mid-run', () => {
  it('resumes the run on a new process over the same data file, and no action with an effect ran twice', async () => {
    const first = await startHub();
    const adminToken = first.adminToken!;
    const client1 = new CoreClient({ hubUrl: first.url, token: adminToken });
    const { run } = await client1.startRun({ playbook: 'gate-bank' });
    // The reboot takes about a second at the device: kill the hub while it is there.
    await waitUntil(async () => (await applied()).some((a) => a.assetId === 'RUH/egate-02'), { what: 'the reboot to reach the device', timeoutMs: 15_000, intervalMs: 20 });
    await first.kill();
    await client1.close();

    const second = await startHub();
    expect(second.adminToken).toBeUndefined();
    const client2 = new CoreClient({ hubUrl: second.url, token: adminToken });
    try {
      let detail: PlaybookRunDetail | undefined;
      await waitUntil(
        async () => {
          detail = await client2.getRun(run.id);
          return detail.run.status === 'succeeded';
        },
        { what: 'the run to succeed on the second hub', timeoutMs: 20_000, describe: () => `${detail?.run.status} at ${detail?.run.currentStep}: ${detail?.run.reason}` },
      );
      const done = detail!;
      expect(done.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
      const reboot = done.steps[2]!.attempts;
      expect(reboot).toHaveLength(1);
      expect(reboot[0]).toMatchObject({ recoveries: 1, output: { replayed: true, status: 'done' } });

      const actions = await applied();
      expect(actions.map((a) => [a.assetId, a.action, a.applied])).toEqual([
        ['RUH/egate-01', 'restart-service', 1],
        ['RUH/egate-02', 'reboot', 1],
        ['RUH/link-primary', 'failover-link', 1],
      ]);
      expect(actions.find((a) => a.action === 'reboot')).toMatchObject({ idempotencyKey: reboot[0]!.idempotencyKey, replayed: 1 });
      // Store-local effects once too: one message for the bot, one switch each way.
      expect(done.notifications).toHaveLength(1);
      const modes = (await client2.listAudit({ limit: 10_000 })).filter((e) => e.action === 'site.mode').map((e) => e.detail.mode);
      expect(modes).toEqual(['surge', 'normal']);
      expect((await client2.fleetStatus()).sites[0]!.mode).toBe('normal');
    } finally {
      await client2.close();
    }
  }, 90_000);
});
