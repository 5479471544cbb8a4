// `hub start --config hub.yaml` with the hub module injected: the file sets
// what the flags set, a flag beats the file, relative paths are the file's,
// and every problem names the file, the line and the field (exit 2) before
// anything starts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubModule, HubOptions } from '../../src/commands/hub/hub-module.js';
import { hubLogLine } from '../../src/commands/hub/hub-log.js';
import { startStubHub } from '../helpers/stub-hub.js';
import { fakeCli } from './fake-deps.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const stub = await startStubHub([]);
  const started: HubOptions[] = [];
  const module: HubModule = {
    restoreBackup: () => Promise.reject(new Error('no restore in this test')),
    async startHub(options) {
      started.push(options);
      options.log?.('hub 0.1.0 listening on http://127.0.0.1:1 (a "quoted" \u001b[31mline)');
      return { url: stub.url, port: 1, dataFile: options.dataFile, adminToken: undefined, close: async () => {} };
    },
  };
  const cli = fakeCli({ hub: module });
  cleanups.push(() => stub.close(), () => cli.cleanup());
  const dir = join(cli.configDir, 'etc');
  mkdirSync(dir, { recursive: true });
  const file = (text: string) => {
    const path = join(dir, 'hub.yaml');
    writeFileSync(path, text);
    return path;
  };
  return { cli, started, dir, file };
}

describe('hub start --config', () => {
  it('takes every setting from the file; relative paths are read from the file\'s directory', async () => {
    const { cli, started, dir, file } = await setup();
    const config = file([
      'host: 0.0.0.0',
      'port: 8443',
      'data: data/hub.sqlite',
      'tls-cert: /etc/watchfloor/hub.crt',
      'tls-key: hub.key',
      'auto-remediate: [egate, cctv]',
      'playbooks: playbooks',
      'log-format: json',
      'retain: 400d',
      'intake-queue: 5000',
      'intake-backlog: 80000',
      'group-window: 5m',
      'group-sites: 5',
      '',
    ].join('\n'));
    const r = await cli.run('hub', 'start', '--config', config);
    expect(r.code, r.stderr).toBe(0);
    expect(started[0]).toMatchObject({
      host: '0.0.0.0',
      port: 8443,
      dataFile: join(dir, 'data', 'hub.sqlite'),
      tls: { certFile: '/etc/watchfloor/hub.crt', keyFile: join(dir, 'hub.key') },
      autoRemediate: ['egate', 'cctv'],
      playbooksDir: join(dir, 'playbooks'),
      retainMs: 400 * 86_400_000,
      intake: { maxWaitingAlerts: 5000, maxJournalAlerts: 80_000 },
      grouping: { windowMs: 300_000, windowSites: 5 },
      demo: false,
    });
  });

  it('a flag on the command line beats the file', async () => {
    const { cli, started, file } = await setup();
    const r = await cli.run('hub', 'start', '--config', file('port: 8443\nhost: 0.0.0.0\nretain: 30d\n'), '--port', '0', '--retain', '400d');
    expect(r.code, r.stderr).toBe(0);
    expect(started[0]).toMatchObject({ host: '0.0.0.0', port: 0, retainMs: 400 * 86_400_000 });
  });

  it('refuses an unknown key, a bad value or bad YAML with file, line and field — before starting (exit 2)', async () => {
    const { cli, started, file } = await setup();
    const cases: [string, string][] = [
      ['port: 8443\nlisten: 0.0.0.0\n', ':2: unknown setting "listen"'],
      ['port: 8443\nhost: 127.0.0.1\nport-number: 1\n', ':3: unknown setting "port-number"'],
      ['host: a\nport: 99999\n', ':2: port: expected a whole number from 0 to 65535'],
      ['demo: yes please\n', ':1: demo: expected true or false'],
      ['retain: 12h\n', ':1: retain: expected a span of whole days, at least 1d (e.g. 400d)'],
      ['log-format: xml\n', ':1: log-format: expected one of text, json'],
      ['intake-queue: 0\n', ':1: intake-queue: expected a whole number from 1 to 10000000'],
      ['group-window: 2h\n', ':1: group-window: expected a span from 1s to 1h (e.g. 60s, 5m)'],
      ['group-sites: 1\n', ':1: group-sites: expected a whole number from 2 to 10000'],
      ['port: [1\n', ':2: Flow sequence in block collection'],
      ['- port\n', ':1: expected a map of settings (key: value)'],
    ];
    for (const [text, message] of cases) {
      const path = file(text);
      const r = await cli.run('hub', 'start', '--config', path);
      expect(r.code, text).toBe(2);
      expect(r.stderr.split('\n')[0], text).toContain(`${path}${message}`);
    }
    const missing = await cli.run('hub', 'start', '--config', '/nonexistent/hub.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the hub config file /nonexistent/hub.yaml: ENOENT');
    expect(started).toEqual([]);
  });

  it('refuses half a TLS pair (exit 2)', async () => {
    const { cli, started, file } = await setup();
    const r = await cli.run('hub', 'start', '--config', file('tls-cert: hub.crt\n'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('TLS needs both the certificate and its key');
    expect(started).toEqual([]);
  });

  it('--log-format json: one JSON object a line on stderr, outside text escaped', async () => {
    const { cli } = await setup();
    const r = await cli.run('hub', 'start', '--log-format', 'json', '--port', '0');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(['time', 'msg']);
    expect(JSON.parse(lines[0]!).msg).toBe('hub 0.1.0 listening on http://127.0.0.1:1 (a "quoted" \u001b[31mline)');
    expect(hubLogLine('x', new Date('2026-01-01T00:00:00Z'))).toBe('{"time":"2026-01-01T00:00:00.000Z","msg":"x"}');
  });
});
