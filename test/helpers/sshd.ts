// Starts a real OpenSSH server on a free loopback port for the SSH transport
// tests: its own host key, config, pid file and authorized key, all in a temp
// directory that stop() removes. The login user is whoever runs the tests
// (root in CI), authenticated by a key only.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { launchOnFreePort, spawnServing, stopChild } from './loopback-program.js';
import { systemProgramPath } from './system-programs.js';

export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  username: string;
  /** The authorized client key (OpenSSH private key text). */
  clientKey: string;
  /** A valid key that is not authorized: for auth-failure tests. */
  strangerKey: string;
  /** The host key's fingerprint as `ssh-keygen -l -E sha256` prints it (SHA256:…). */
  hostKeyFingerprint: string;
  /** A scratch directory tests may use; removed by stop(). */
  dir: string;
  /** What sshd wrote to stderr so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

function generateKey(path: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'watchfloor-test', '-f', path], { stdio: 'ignore' });
}

function fingerprintOf(publicKeyPath: string): string {
  // "256 SHA256:abc… comment (ED25519)"
  const out = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyPath], { encoding: 'utf8' });
  const fingerprint = out.split(' ')[1];
  if (!fingerprint?.startsWith('SHA256:')) throw new Error(`unexpected ssh-keygen output: ${out}`);
  return fingerprint;
}

/** Resolves once something on the port sends an SSH identification line. */
function sshBanner(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('data', (chunk) => done(chunk.toString('latin1').startsWith('SSH-2.0-')));
    socket.once('error', () => done(false));
  });
}

export interface TestSshdOptions {
  /**
   * Environment sshd sets for every session (`SetEnv`), after its defaults:
   * e.g. a PATH whose first directory holds stand-ins for a server's tools.
   */
  setEnv?: Readonly<Record<string, string>>;
}

function setEnvLine(env: Readonly<Record<string, string>> | undefined): string[] {
  const pairs = Object.entries(env ?? {});
  if (!pairs.length) return [];
  for (const [name, value] of pairs) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /[\s"\\]/.test(value)) throw new Error(`SetEnv cannot carry ${name}=${value}`);
  }
  return [`SetEnv ${pairs.map(([name, value]) => `${name}=${value}`).join(' ')}`];
}

function writeConfig(dir: string, port: number, options: TestSshdOptions): string {
  const path = join(dir, 'sshd_config');
  writeFileSync(
    path,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'AllowTcpForwarding no',
      'X11Forwarding no',
      'PrintMotd no',
      'LogLevel ERROR',
      // The login user's own startup files stay out of the sessions: bash run
      // by sshd sources ~/.bashrc, and a root .bashrc that starts pyenv costs
      // 0.6 s a session, enough to time out commands run side by side.
      ...setEnvLine({ HOME: dir, ...options.setEnv }),
      '',
    ].join('\n'),
  );
  return path;
}

function launch(binary: string, dir: string, port: number, logs: string[], options: TestSshdOptions): Promise<ChildProcess | undefined> {
  const config = writeConfig(dir, port, options);
  return spawnServing({ binary, args: ['-D', '-e', '-f', config], logs, serving: () => sshBanner(port), what: `sshd to answer on port ${port}`, timeoutMs: 10_000 });
}

export async function startTestSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  // Test files that need sshd declare it with describeWith('sshd', …), which
  // skips them when it is missing; this throws only for a direct call.
  const binary = systemProgramPath('sshd');
  // Privilege separation directory; the Debian package creates it only at boot.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'wf-sshd-'));
  generateKey(join(dir, 'host_ed25519'));
  generateKey(join(dir, 'client_ed25519'));
  generateKey(join(dir, 'stranger_ed25519'));
  copyFileSync(join(dir, 'client_ed25519.pub'), join(dir, 'authorized_keys'));
  mkdirSync(join(dir, 'scratch'));

  const logs: string[] = [];
  const started = await launchOnFreePort((port) => launch(binary, dir, port, logs, options));
  if (!started) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`sshd did not start:\n${logs.join('')}`);
  }
  const { child, port } = started;

  return {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    clientKey: readFileSync(join(dir, 'client_ed25519'), 'utf8'),
    strangerKey: readFileSync(join(dir, 'stranger_ed25519'), 'utf8'),
    hostKeyFingerprint: fingerprintOf(join(dir, 'host_ed25519.pub')),
    dir: join(dir, 'scratch'),
    log: () => logs.join(''),
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
