// Issue 13: a hub fit for a network. The hub serves HTTPS on a certificate
// made here with openssl; the built CLI trusts it with --ca (and the profile's
// ca), refuses it without, and never sends a token over plain HTTP to a host
// off this machine — refused before any connection: a preload in the child
// makes any socket the CLI opens fail the test, so no address outside this
// machine is ever tried.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { describeWith, systemProgramPath } from '../helpers/system-programs.js';

describeWith('openssl', 'a hub on TLS and the CLI that trusts it', () => {
  let dir: string;
  let hub: TestHub;
  let cli: CliEnv;
  let cert: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-tls-'));
    cert = join(dir, 'hub.crt');
    const key = join(dir, 'hub.key');
    execFileSync(systemProgramPath('openssl'), [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-keyout', key, '-out', cert, '-subj', '/CN=watchfloor test hub', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'ignore', timeout: 20_000 });
    hub = await startTestHub({ tls: { certFile: cert, keyFile: key } });
    cli = cliEnv();
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    cli?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on https:// and answers the CLI that trusts its CA with --ca', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await runCli(['status', '--json', '--hub', hub.url, '--token', hub.adminToken, '--ca', cert], cli.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('sites');
  });

  it('takes the CA from the profile as well', async () => {
    for (const [k, v] of [['hub', hub.url], ['token', hub.adminToken], ['ca', cert]]) {
      expect((await runCli(['config', 'set', k!, v!], cli.env)).code).toBe(0);
    }
    const r = await runCli(['status', '--json'], cli.env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('sites');
  });

  it('refuses a certificate it was not told to trust: one line, exit 3, the hint names --ca', async () => {
    const r = await runCli(['status', '--hub', hub.url, '--token', hub.adminToken, '--profile', 'none'], cli.env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^watchfloor: cannot trust the hub at https:\/\/127\.0\.0\.1:\d+: TLS failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)\n/);
    expect(r.stderr).toContain('--ca FILE');
    expect(r.stderr).not.toContain('this is a bug in');
  });

  it('says so when the CA file cannot be read (exit 2)', async () => {
    const r = await runCli(['status', '--hub', hub.url, '--token', hub.adminToken, '--ca', join(dir, 'missing.pem')], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`watchfloor: cannot read the CA file ${join(dir, 'missing.pem')}: ENOENT`);
  });
});

it('refuses to send a token over plain HTTP to a hub off this machine, before connecting (exit 2)', async () => {
  const env = cliEnv();
  const guard = join(env.configDir, 'no-sockets.mjs');
  // Any connection attempt (undici's, DNS included: it resolves inside connect) ends the process with 99.
  writeFileSync(guard, [
    "import net from 'node:net';",
    'net.Socket.prototype.connect = function () { process.stderr.write("CONNECTION ATTEMPTED\\n"); process.exit(99); };',
  ].join('\n'));
  try {
    const withGuard = { ...env.env, NODE_OPTIONS: `--import=${guard}` };
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): no such host; and the guard stops any attempt to reach it.
    for (const hubUrl of ['http://192.0.2.10:7474', 'http://hub.example.org:7474']) {
      const r = await runCli(['status', '--hub', hubUrl, '--token', 'wf_notarealtokenbutlongenoughtolookone000000'], withGuard);
      expect(r.stderr).not.toContain('CONNECTION ATTEMPTED');
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`watchfloor: refusing to send the API token over plain HTTP to ${hubUrl}`);
      expect(r.stderr).toContain('--insecure');
      expect(r.stderr).not.toContain('wf_notarealtoken');
    }
    // The guard is live: a call it would have let through (--insecure) is stopped by it instead.
    const insecure = await runCli(['status', '--hub', 'http://192.0.2.10:7474', '--token', 'wf_x', '--insecure'], withGuard);
    expect(insecure.code).toBe(99);
    expect(insecure.stderr).toContain('CONNECTION ATTEMPTED');
  } finally {
    env.cleanup();
  }
});
