// `hub start --auto-remediate [kinds]` and the emulator URL stored as the
// profile's `sim` at every demo start (hub start --demo, demo).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAutoRemediate } from '../../src/commands/hub/auto-remediate.js';
import type { HubModule, HubOptions } from '../../src/commands/hub/hub-module.js';
import { startStubHub } from '../helpers/stub-hub.js';
import { fakeCli } from './fake-deps.js';
import { FLEET } from './fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(opts: { adminToken?: string; simUrl?: string; simToken?: string } = {}, cliOptions: Parameters<typeof fakeCli>[0] = {}) {
  const stub = await startStubHub([{ method: 'GET', path: '/v1/status', body: FLEET }]);
  const started: HubOptions[] = [];
  const module: HubModule = {
    restoreBackup: () => Promise.reject(new Error('no restore in this test')),
    async startHub(options) {
      started.push(options);
      return {
        url: stub.url,
        port: Number(new URL(stub.url).port),
        dataFile: options.dataFile,
        adminToken: opts.adminToken,
        ...(opts.simUrl ? { simUrl: opts.simUrl } : {}),
        ...(opts.simToken ? { simToken: opts.simToken } : {}),
        close: async () => undefined,
      };
    },
  };
  const cli = fakeCli({ ...cliOptions, hub: module });
  cleanups.push(() => stub.close(), () => cli.cleanup());
  const config = () => JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
  return { stub, cli, started, config };
}

describe('hub start --ssh-key', () => {
  it('passes the key file to the hub, which reads it', async () => {
    const { cli, started } = await setup();
    const r = await cli.run('hub', 'start', '--ssh-key', '/etc/watchfloor/hub_ed25519');
    expect(r.code, r.stderr).toBe(0);
    expect(started[0]!.sshKeyFile).toBe('/etc/watchfloor/hub_ed25519');
  });

  it('left out: not passed at all', async () => {
    const { cli, started } = await setup();
    await cli.run('hub', 'start');
    expect(started[0]).not.toHaveProperty('sshKeyFile');
  });
});

describe('hub start --data', () => {
  it("creates the data file's missing directories for the owner alone (0700)", async () => {
    const { cli, started } = await setup();
    const data = join(cli.configDir, 'var', 'lib', 'watchfloor', 'hub.sqlite');
    expect((await cli.run('hub', 'start', '--data', data)).code).toBe(0);
    expect(started[0]!.dataFile).toBe(data);
    expect((statSync(join(cli.configDir, 'var', 'lib', 'watchfloor')).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(cli.configDir, 'var')).mode & 0o777).toString(8)).toBe('700');
  });
});

describe('hub start --audit-key, --audit-checkpoints', () => {
  it('passes both files to the hub, which checks and uses them; left out, neither is passed', async () => {
    const { cli, started } = await setup();
    const r = await cli.run('hub', 'start', '--audit-key', '/etc/watchfloor/audit.pem', '--audit-checkpoints', '/var/log/watchfloor/checkpoints.jsonl');
    expect(r.code, r.stderr).toBe(0);
    expect(started[0]).toMatchObject({ auditKeyFile: '/etc/watchfloor/audit.pem', auditCheckpointsFile: '/var/log/watchfloor/checkpoints.jsonl' });
    await cli.run('hub', 'start');
    expect(started[1]).not.toHaveProperty('auditKeyFile');
    expect(started[1]).not.toHaveProperty('auditCheckpointsFile');
  });
});

describe('hub start --playbooks', () => {
  it("passes the operator's directory to the hub; left out, none is passed", async () => {
    const { cli, started } = await setup();
    expect((await cli.run('hub', 'start', '--playbooks', '/etc/watchfloor/playbooks')).code).toBe(0);
    expect(started[0]).toMatchObject({ playbooksDir: '/etc/watchfloor/playbooks' });
    await cli.run('hub', 'start');
    expect(started[1]).not.toHaveProperty('playbooksDir');
  });
});

describe('hub start --auto-remediate', () => {
  it('alone: every kind', async () => {
    const { cli, started } = await setup();
    expect((await cli.run('hub', 'start', '--auto-remediate')).code).toBe(0);
    expect(started[0]!.autoRemediate).toBe('all');
  });

  it('with a comma list: those kinds, followed by other options', async () => {
    const { cli, started } = await setup();
    const r = await cli.run('hub', 'start', '--auto-remediate', 'egate,CCTV', '--demo');
    expect(r.code, r.stderr).toBe(0);
    expect(started[0]).toMatchObject({ autoRemediate: ['egate', 'cctv'], demo: true });
  });

  it('left out: not passed at all', async () => {
    const { cli, started } = await setup();
    await cli.run('hub', 'start');
    expect(started[0]).not.toHaveProperty('autoRemediate');
  });

  it('an unknown kind is exit 2 before the hub starts', async () => {
    const { cli, started } = await setup();
    const r = await cli.run('hub', 'start', '--auto-remediate', 'egate,toaster');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown asset kind toaster');
    expect(started).toEqual([]);
  });

  it('parseAutoRemediate', () => {
    expect(parseAutoRemediate(undefined)).toBeUndefined();
    expect(parseAutoRemediate(true)).toBe('all');
    expect(parseAutoRemediate('ALL')).toBe('all');
    expect(parseAutoRemediate('server, server,integration')).toEqual(['server', 'integration']);
    expect(() => parseAutoRemediate(',')).toThrow(/asset kind/);
  });
});

describe('the emulator URL and control token in the profile', () => {
  const SIM_TOKEN = 'wfsim_the-emulator-control-token-0001';

  it('hub start --demo on a new data file: hub, token, sim and simToken in the active profile; said on stderr without the tokens', async () => {
    const { cli, stub, config } = await setup({ adminToken: 'wf_admin_1', simUrl: 'http://127.0.0.1:45001', simToken: SIM_TOKEN });
    const r = await cli.run('hub', 'start', '--demo');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('device emulator on http://127.0.0.1:45001: stored as sim, with its control token as simToken, in profile default');
    expect(r.stderr + r.stdout).not.toContain(SIM_TOKEN);
    expect(config().profiles.default).toEqual({ hub: stub.url, token: 'wf_admin_1', sim: 'http://127.0.0.1:45001', simToken: SIM_TOKEN });
  });

  it('hub start --demo on an existing data file: only sim and simToken change (a new emulator), the rest stays', async () => {
    const { cli, config } = await setup({ simUrl: 'http://127.0.0.1:45002', simToken: SIM_TOKEN });
    await cli.run('config', 'set', 'hub', 'http://127.0.0.1:7474');
    await cli.run('config', 'set', 'token', 'wf_kept');
    await cli.run('config', 'set', 'sim', 'http://127.0.0.1:40000');
    await cli.run('config', 'set', 'simToken', 'wfsim_of-the-last-start');
    expect((await cli.run('hub', 'start', '--demo', '--profile', 'default')).code).toBe(0);
    expect(config().profiles.default).toEqual({ hub: 'http://127.0.0.1:7474', token: 'wf_kept', sim: 'http://127.0.0.1:45002', simToken: SIM_TOKEN });
  });

  it('demo: the demo profile gets sim and simToken too, while the demo runs', async () => {
    let stop: () => void = () => undefined;
    let whileRunning: unknown;
    const { cli, config } = await setup(
      { adminToken: 'wf_demo_1', simUrl: 'http://127.0.0.1:45003', simToken: SIM_TOKEN },
      {
        waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
        sleep: async () => {
          whileRunning = config().profiles.demo;
          stop();
        },
      },
    );
    expect((await cli.run('demo', '--port', '0')).code).toBe(0);
    expect(whileRunning).toMatchObject({ token: 'wf_demo_1', sim: 'http://127.0.0.1:45003', simToken: SIM_TOKEN });
    expect(config().profiles.demo).toBeUndefined();
  });
});
