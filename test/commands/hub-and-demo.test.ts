// `hub start` and `demo` with the hub module injected: a stub hub stands in
// for src/hub/start.ts, and shutdown comes from the test, not a signal.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubModule, HubOptions } from '../../src/commands/hub/hub-module.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { FLEET } from './fixtures.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function fakeHubModule(stub: StubHub, adminToken: string | undefined) {
  const started: HubOptions[] = [];
  let closed = 0;
  const module: HubModule = {
    restoreBackup: () => Promise.reject(new Error('no restore in this test')),
    async startHub(options) {
      started.push(options);
      options.log?.('hub log line');
      return { url: stub.url, port: Number(new URL(stub.url).port), dataFile: options.dataFile, adminToken, close: async () => void closed++ };
    },
  };
  return { module, started, closed: () => closed };
}

async function setup(adminToken: string | undefined, options: Parameters<typeof fakeCli>[0] = {}) {
  const stub = await startStubHub([{ method: 'GET', path: '/v1/status', body: FLEET }]);
  const hub = fakeHubModule(stub, adminToken);
  const cli: FakeCli = fakeCli({ ...options, hub: hub.module });
  cleanups.push(() => stub.close(), () => cli.cleanup());
  return { stub, hub, cli };
}

describe('hub start', () => {
  it('prints the URL as JSON, logs to stderr, stores a new admin token in the profile, closes on shutdown', async () => {
    const { hub, cli, stub } = await setup('wf_admin_secret_0001');
    const r = await cli.run('hub', 'start', '--demo', '--seed', '7', '--speed', '60', '--port', '0', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`{"url":"${stub.url}"}\n`);
    expect(r.stderr).toContain('hub log line\n');
    expect(r.stderr).toContain('stored its admin token and URL in profile default');
    expect(hub.started[0]).toMatchObject({ demo: true, seed: 7, speed: 60, port: 0, dataFile: join(cli.configDir, 'hub.sqlite') });
    expect(hub.closed()).toBe(1);
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    expect(config.profiles.default).toEqual({ hub: stub.url, token: 'wf_admin_secret_0001' });
  });

  it('an existing data file (no admin token) leaves the config alone; a line for people', async () => {
    const { cli, stub } = await setup(undefined);
    const r = await cli.run('hub', 'start', '--data', join(cli.configDir, 'data', 'x.sqlite'));
    expect(r.stdout).toBe(`hub listening on ${stub.url}\n`);
    expect(existsSync(join(cli.configDir, 'config.json'))).toBe(false);
  });

  it('passes --demo-report-every on as site time in ms, and refuses a span under a second or over an hour (exit 2)', async () => {
    const { hub, cli } = await setup(undefined);
    expect((await cli.run('hub', 'start', '--demo', '--speed', '1800', '--demo-report-every', '5m', '--port', '0')).code).toBe(0);
    expect(hub.started[0]).toMatchObject({ speed: 1800, demoReportMs: 300_000 });
    for (const bad of ['0s', '2h', 'often']) {
      const r = await cli.run('hub', 'start', '--demo', '--demo-report-every', bad);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('from 1s to 1h');
    }
    expect(hub.started.length).toBe(1);
  });

  it('rejects a port out of range before starting anything (exit 2)', async () => {
    const { hub, cli } = await setup(undefined);
    expect((await cli.run('hub', 'start', '--port', '70000')).code).toBe(2);
    expect(hub.started).toEqual([]);
  });
});

describe('demo', () => {
  it('makes a demo profile active and prints the status each refresh until shutdown', async () => {
    let refreshes = 0;
    let stop: () => void = () => undefined;
    const { hub, cli, stub } = await setup('wf_demo_admin_token_1', {
      waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
      sleep: async () => {
        if (++refreshes === 3) stop();
      },
    });
    const r = await cli.run('demo', '--port', '0', '--seed', '3');
    expect(r.code, r.stderr).toBe(0);
    expect(hub.started[0]).toMatchObject({ demo: true, seed: 3, port: 0, speed: 60 });
    expect(hub.closed()).toBe(1);
    // Piped: printed once per refresh, no screen clearing.
    expect(r.stdout.split('LND-KFC\tKing Fahd Causeway').length - 1).toBe(3);
    expect(r.stdout).not.toContain('\x1b[2J');
    expect(r.stderr).toContain('profile "demo" is active while it runs');
    expect(r.stderr).toContain('(then back to "default")');
    expect(stub.requests.every((q) => q.headers.authorization === 'Bearer wf_demo_admin_token_1')).toBe(true);
    // Stopped, it gives back what it borrowed: no profile left pointing at a hub that is gone.
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    expect(config).toEqual({ profiles: {} });
    // The data file lived in a temporary directory that is gone now.
    expect(existsSync(hub.started[0]!.dataFile)).toBe(false);
  });

  // With both a terminal, demo opens the watch UI instead (test/integration/watch-tmux.test.ts).
  it('on a terminal whose input is not one (no keys, so no watch UI), clears the screen before each refresh', async () => {
    let stop: () => void = () => undefined;
    const { cli } = await setup('wf_demo_admin_token_2', {
      tty: true,
      stdinTty: false,
      waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
      sleep: async () => stop(),
    });
    const r = await cli.run('demo', '--port', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\x1b[2J\x1b[H')).toBe(true);
    expect(r.stdout).toContain('4 sites: 1 ok, 2 degraded, 1 down');
  });

  it('with --json on a terminal, prints the status as JSON rather than opening the watch UI', async () => {
    let stop: () => void = () => undefined;
    const { cli } = await setup('wf_demo_admin_token_5', {
      tty: true,
      waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
      sleep: async () => stop(),
    });
    const r = await cli.run('demo', '--port', '0', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).sites).toHaveLength(4);
  });

  it('on a short terminal, shows the worst sites that fit and counts the rest', async () => {
    let stop: () => void = () => undefined;
    const { cli } = await setup('wf_demo_admin_token_4', {
      tty: true,
      stdinTty: false,
      height: 9,
      waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
      sleep: async () => stop(),
    });
    const r = await cli.run('demo', '--port', '0');
    expect(r.code, r.stderr).toBe(0);
    const siteRows = r.stdout.split('\n').filter((line) => /^(RUH|JED|DMM|LND-KFC)\b/.test(line));
    expect(siteRows).toHaveLength(3);
    expect(r.stdout).toMatch(/… 1 more sites \(1 (ok|degraded|down)\)/);
    expect(r.stdout).toContain('4 sites: 1 ok, 2 degraded, 1 down');
  });

  it('reports a refresh that fails and carries on with the next one', async () => {
    let refreshes = 0;
    let stop: () => void = () => undefined;
    const route = { method: 'GET' as const, path: '/v1/status', status: 500, body: { error: { code: 'hub_error', message: 'database is busy' } } as unknown };
    const stub = await startStubHub([route]);
    const hub = fakeHubModule(stub, 'wf_demo_admin_token_3');
    const cli = fakeCli({
      hub: hub.module,
      waitForShutdown: () => new Promise<void>((resolve) => (stop = resolve)),
      sleep: async () => {
        refreshes++;
        if (refreshes === 1) Object.assign(route, { status: 200, body: FLEET });
        if (refreshes === 2) stop();
      },
    });
    cleanups.push(() => stub.close(), () => cli.cleanup());
    const r = await cli.run('demo', '--port', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('refresh failed: database is busy; retrying');
    expect(r.stdout.split('LND-KFC\tKing Fahd Causeway').length - 1).toBe(1);
    expect(hub.closed()).toBe(1);
  });
});
