// A Linux site server managed over ssh://, diagnosed and fixed through the
// real hub: API → diagnostics service → runner → SSH device → a real sshd on
// loopback, whose sessions find stand-ins for the server's tools first on
// their PATH (site-server-tools.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { Asset, DiagEvent } from '../../src/core/model.js';
import { MemoryActionLedger } from '../../src/devices/memory-action-ledger.js';
import { SshDevice } from '../../src/devices/ssh/ssh-device.js';
import { startHub, type RunningHub } from '../../src/hub/start.js';
import { fixtureWiring } from '../hub/hub-fixture.js';
import { startTestSshd, type TestSshd } from '../helpers/sshd.js';
import { describeWith } from '../helpers/system-programs.js';
import { site } from '../diagnostics/diag-hub.js';
import { siteServerTools, type SiteServerTools } from './site-server-tools.js';

const SERVICE = 'watchfloor-gate';
const CERTIFICATE = '/etc/watchfloor/tls.pem';
const WRONG_PIN = `SHA256:${'A'.repeat(43)}`;


const server = (id: string, managementUrl: string): Asset & { managementUrl: string } => ({ id, siteId: 'RUH', kind: 'server', name: id, health: 'ok', managementUrl });

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const address = s.address();
  await new Promise((r) => s.close(r));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

interface Hub {
  hub: RunningHub;
  admin: CoreClient;
  stop(): Promise<void>;
}

async function startSshHub(dir: string, assets: Asset[], sshKeyFile: string | undefined): Promise<Hub> {
  const { wiring } = fixtureWiring({ sites: [site('RUH')], assets });
  const data = mkdtempSync(join(dir, 'hub-'));
  const hub = await startHub({ dataFile: join(data, 'hub.sqlite'), host: '127.0.0.1', port: 0, demo: true, ...(sshKeyFile ? { sshKeyFile } : {}) }, wiring);
  const admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  return {
    hub,
    admin,
    async stop() {
      await admin.close();
      await hub.close();
    },
  };
}

let dir: string;
let tools: SiteServerTools;
let sshd: TestSshd;
let hub: Hub;
let urlOf: (pin?: string, port?: number) => string;

describeWith('sshd', 'a site server managed over ssh://, against a real sshd', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-ssh-device-'));
    tools = siteServerTools(dir);
    sshd = await startTestSshd({ setEnv: { PATH: `${tools.bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` } });
    const keyFile = join(dir, 'hub_ed25519');
    writeFileSync(keyFile, sshd.clientKey, { mode: 0o600 });
    // The fingerprint goes in raw: its base64 `+` and `/` must survive the URL.
    urlOf = (pin = sshd.hostKeyFingerprint, port = sshd.port) =>
      `ssh://${sshd.username}@127.0.0.1:${port}/?hostKey=${pin}&service=${SERVICE}&certificate=${CERTIFICATE}`;
    hub = await startSshHub(
      dir,
      [server('RUH/server-a', urlOf()), server('RUH/server-imposter', urlOf(WRONG_PIN)), server('RUH/server-gone', urlOf(undefined, await closedPort()))],
      keyFile,
    );
  });

  afterAll(async () => {
    await hub?.stop();
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => tools.stage({}));

  const restarts = () => tools.calls().filter((c) => c === `systemctl restart ${SERVICE}`).length;

  describe('a site server over ssh:// through the diagnostics runner', () => {
    it('a healthy server: verdict healthy, read over SSH with the server tools', async () => {
      const events: DiagEvent[] = [];
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true }, (e) => events.push(e));
      expect(verdict).toMatchObject({ verdict: 'healthy', findings: [], actions: [] });
      expect(events.filter((e) => e.type === 'probe').map((e) => [e.probe, e.ok, e.status])).toEqual([
        ['health', true, 'ok'],
        ['metrics', true, null],
      ]);
      // One look is one reading: every read command ran once, nothing else did.
      expect(tools.calls().sort()).toEqual([
        'df -P /var',
        `openssl x509 -noout -enddate -in ${CERTIFICATE}`,
        `systemctl is-active ${SERVICE}`,
        'timedatectl show --property=NTPSynchronized --property=TimeUSec',
      ]);
    });

    it('a crashed service: restart-service over SSH, verified, incident resolved, one restart', async () => {
      tools.stage({ service: 'failed' });
      const { incident } = await hub.admin.createIncident({ title: 'server-a service down', severity: 'sev2', assetId: 'RUH/server-a' });
      const events: DiagEvent[] = [];
      const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true }, (e) => events.push(e));
      expect(events.find((e) => e.type === 'finding')).toMatchObject({ finding: { code: 'service-failed', detail: `${SERVICE} is failed` } });
      expect(verdict).toMatchObject({ verdict: 'fixed', incidentId: incident.id });
      expect(verdict!.actions.map((a) => [a.action, a.status, a.replayed, a.verified])).toEqual([['restart-service', 'done', false, true]]);
      expect(restarts()).toBe(1);
      expect(tools.read('service')).toBe('active');
      expect((await hub.admin.getIncident(incident.id)).incident.state).toBe('resolved');
    });

    it('a retried request (same idempotency keys) does not restart the service twice', async () => {
      // The restart does not help, so both runs reach the same actions and end in a dispatch.
      tools.stage({ service: 'failed', restartFixes: false });
      const first = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true, requestId: 'ssh-retry-1' });
      const second = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true, requestId: 'ssh-retry-1' });
      expect(restarts()).toBe(1);
      expect(first[0]!.actions.map((a) => [a.action, a.status, a.replayed])).toEqual([
        ['restart-service', 'done', false],
        ['reboot', 'not_applicable', false],
      ]);
      expect(second[0]!.actions.map((a) => [a.action, a.status, a.replayed])).toEqual([
        ['restart-service', 'done', true],
        ['reboot', 'not_applicable', true],
      ]);
      expect(first[0]!.verdict).toBe('dispatched');
      expect(second[0]!.dispatchId).toBe(first[0]!.dispatchId);
      // A new request is a new intent: it does act.
      await hub.admin.diagnose({ target: 'RUH/server-a', fix: true, requestId: 'ssh-retry-2' });
      expect(restarts()).toBe(2);
    });

    it('a full disk: free-storage vacuums the journal and the verification passes', async () => {
      tools.stage({ diskPct: 97 });
      const events: DiagEvent[] = [];
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true }, (e) => events.push(e));
      expect(events.find((e) => e.type === 'finding')).toMatchObject({ finding: { code: 'disk-full', detail: '/var is 97% full' } });
      expect(verdict).toMatchObject({ verdict: 'fixed' });
      expect(verdict!.actions.map((a) => [a.action, a.status, a.verified])).toEqual([['free-storage', 'done', true]]);
      expect(tools.calls().filter((c) => c.startsWith('journalctl'))).toEqual(['journalctl --vacuum-size=200M']);
      expect(tools.read('diskPct')).toBe('41');
    });

    it('a skewed clock: resync-clock steps it and the skew is gone', async () => {
      tools.stage({ skewSeconds: -45, ntp: false });
      const events: DiagEvent[] = [];
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true }, (e) => events.push(e));
      expect(events.find((e) => e.type === 'finding')).toMatchObject({ finding: { code: 'clock-skew' } });
      expect(verdict!.actions.map((a) => [a.action, a.status])).toEqual([['resync-clock', 'done']]);
      expect(tools.calls()).toContain('chronyc makestep');
      // Stepped, but NTP still says unsynchronised: a warning, not a failure.
      expect(verdict).toMatchObject({ verdict: 'fixed' });
    });

    it('an expired certificate: no allow-listed renewal, so not_applicable and a dispatch', async () => {
      tools.stage({ certificateDays: -3 });
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-a', fix: true });
      expect(verdict!.findings.map((f) => f.code)).toEqual(['certificate-expired']);
      expect(verdict!.actions.map((a) => [a.action, a.status])).toEqual([['renew-certificate', 'not_applicable']]);
      expect(verdict).toMatchObject({ verdict: 'dispatched' });
    });

    it('a server presenting another host key: a security finding, nothing run, never fixed', async () => {
      tools.stage({ service: 'failed' });
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-imposter', fix: true });
      expect(verdict!.findings.map((f) => [f.code, f.cause])).toEqual([['management-host-key', 'management']]);
      expect(verdict!.findings[0]!.detail).toContain(sshd.hostKeyFingerprint);
      expect(verdict!.actions).toEqual([]);
      expect(verdict!.verdict).toBe('dispatched');
      expect(tools.calls()).toEqual([]);
    });

    it('a closed port: finding "management endpoint unreachable"', async () => {
      const [verdict] = await hub.admin.diagnose({ target: 'RUH/server-gone' });
      expect(verdict).toMatchObject({ verdict: 'unreachable' });
      expect(verdict!.findings.map((f) => [f.code, f.text])).toEqual([['management-unreachable', 'management endpoint unreachable']]);
    });

    it('a hub started without --ssh-key: an auth finding for ssh:// assets, no crash, no connection', async () => {
      const keyless = await startSshHub(dir, [server('RUH/server-a', urlOf())], undefined);
      try {
        const [verdict] = await keyless.admin.diagnose({ target: 'RUH/server-a', fix: true });
        expect(verdict!.findings.map((f) => [f.code, f.detail])).toEqual([['management-auth', 'no SSH key configured for the hub']]);
        expect(verdict!.verdict).toBe('dispatched');
        expect(tools.calls()).toEqual([]);
      } finally {
        await keyless.stop();
      }
    });
  });

  describe('hub start --ssh-key', () => {
    it('a key file that is missing, public or not a key stops the start with a usage error', async () => {
      writeFileSync(join(dir, 'not-a-key'), 'hello\n');
      writeFileSync(join(dir, 'public-key'), execFileSync('ssh-keygen', ['-y', '-f', join(dir, 'hub_ed25519')]));
      for (const [file, says] of [
        [join(dir, 'missing'), 'ENOENT'],
        [join(dir, 'not-a-key'), 'not a usable SSH private key'],
        [join(dir, 'public-key'), 'is a public key'],
      ] as const) {
        await expect(startSshHub(dir, [], file)).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining(says) });
      }
    });
  });

  describe('SshDevice directly', () => {
    const device = (ledger = new MemoryActionLedger()) =>
      new SshDevice(server('RUH/server-a', urlOf()), { privateKey: sshd.clientKey, ledger });

    it('remembers an idempotency key per asset: the same key replays, runs nothing', async () => {
      tools.stage({ service: 'failed' });
      const ledger = new MemoryActionLedger();
      const first = await device(ledger).action('restart-service', { idempotencyKey: 'k-1' });
      // Another client of the same hub (the next run) shares the ledger.
      const again = await device(ledger).action('restart-service', { idempotencyKey: 'k-1' });
      expect([first.status, first.replayed, again.status, again.replayed]).toEqual(['done', false, 'done', true]);
      expect(restarts()).toBe(1);
    });

    it('reports metrics from the same reading as health', async () => {
      tools.stage({ diskPct: 63, certificateDays: 30 });
      const d = device();
      const health = await d.health();
      const metrics = await d.metrics();
      expect(health.status).toBe('ok');
      expect(metrics.metrics.diskUsedPct).toBe(63);
      // notAfter is whole seconds from the server's `date +%s`: just under or at 30 days.
      expect([29, 30]).toContain(metrics.metrics.certificateExpiresInDays);
      expect(Math.abs(metrics.metrics.clockSkewMs!)).toBeLessThanOrEqual(2000);
      expect(tools.calls().filter((c) => c.startsWith('df'))).toHaveLength(1);
    });

    it('a tool that fails to run is a warn check with the reason, the rest still count', async () => {
      tools.stage({ diskPct: 97 });
      // An empty cert-days makes the openssl stand-in fail as a missing file would.
      writeFileSync(join(dir, 'state', 'cert-days'), '');
      const health = await device().health();
      expect(health.checks.find((c) => c.name === 'certificate')).toMatchObject({ status: 'warn', detail: expect.stringContaining('Could not open file') });
      expect(health.checks.find((c) => c.name === 'disk')).toMatchObject({ status: 'fail' });
      expect(health.checks.find((c) => c.name === 'power')).toMatchObject({ status: 'pass' });
      expect(health.status).toBe('degraded');
    });

    it('refuses an action that is not a device action, before connecting', async () => {
      await expect(device().action('rm-rf', { idempotencyKey: 'k-2' })).rejects.toMatchObject({ code: 'command_not_allowed' });
      expect(tools.calls()).toEqual([]);
    });
  });
});
