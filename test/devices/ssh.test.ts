// The SSH transport against a real OpenSSH server on loopback.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandTable } from '../../src/devices/ssh/command-allow-list.js';
import { SITE_SERVER_COMMANDS } from '../../src/devices/ssh/site-server-commands.js';
import {
  openSshSession,
  runSshCommand,
  type SshSession,
  type SshTransportOptions,
} from '../../src/devices/ssh/ssh-transport.js';
import {
  AuthFailedError,
  BadArgumentError,
  CommandNotAllowedError,
  HostKeyMismatchError,
  TransportTimeoutError,
  UnreachableError,
} from '../../src/devices/errors.js';
import { startTestSshd, type TestSshd } from '../helpers/sshd.js';
import { describeWith } from '../helpers/system-programs.js';
import { waitUntil } from '../helpers/wait-until.js';

// A sleep long enough to be unmistakable in the process table.
const LONG_SLEEP_SECONDS = 3217;

const TEST_COMMANDS = {
  echo: {
    summary: 'print one argument back',
    effect: 'read',
    argv: ['printf', '%s', { param: 'text' }],
    params: { text: { type: 'text', maxLength: 200 } },
  },
  'list-missing': { summary: 'fails with stderr', effect: 'read', argv: ['ls', '/nonexistent-watchfloor'] },
  touch: {
    summary: 'create a file',
    effect: 'change',
    argv: ['touch', { param: 'path' }],
    params: { path: { type: 'pattern', pattern: /^\/[A-Za-z0-9._/-]+$/, maxLength: 200 } },
  },
  sleep: {
    summary: 'sleep',
    effect: 'read',
    argv: ['sleep', { param: 'seconds' }],
    params: { seconds: { type: 'integer', min: 1, max: 10_000 } },
  },
  flood: { summary: 'lots of output', effect: 'read', argv: ['seq', '1', '200000'] },
} as const satisfies CommandTable;

let sshd: TestSshd;
let options: SshTransportOptions;

function sleepersAlive(): number[] {
  const wanted = `sleep\0${LONG_SLEEP_SECONDS}\0`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1') === wanted;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A TCP server that counts connections and never speaks SSH. */
async function silentServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0;
  const server = createServer(() => count++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return { server, port: address.port, connections: () => count };
}

async function closedPort(): Promise<number> {
  const { server, port } = await silentServer();
  await new Promise((r) => server.close(r));
  return port;
}

describeWith('sshd', 'SSH transport against a real sshd', () => {
  beforeAll(async () => {
    sshd = await startTestSshd();
    options = {
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      privateKey: sshd.clientKey,
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      commands: TEST_COMMANDS,
      connectTimeoutMs: 5_000,
      commandTimeoutMs: 5_000,
    };
  });

  afterAll(async () => {
    for (const pid of sleepersAlive()) process.kill(pid, 'SIGKILL');
    await sshd?.stop();
  });

  describe('an open session', () => {
    let session: SshSession;
    beforeAll(async () => {
      session = await openSshSession(options);
    });
    afterAll(() => session?.close());

    it('runs an allowed command from the site-server table and returns its output and exit code', async () => {
      const result = await runSshCommand({ ...options, commands: SITE_SERVER_COMMANDS }, 'disk-usage');
      expect(result).toMatchObject({ command: 'disk-usage', argv: ['df', '-P', '/var'], exitCode: 0, signal: null });
      expect(result.stdout).toMatch(/^Filesystem/);
      expect(result.stdoutTruncated).toBe(false);
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('reports a failing command as a result with its exit code and stderr', async () => {
      const result = await session.run('list-missing');
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('/nonexistent-watchfloor');
      expect(result.stdout).toBe('');
    });

    it('passes shell metacharacters to the program verbatim and runs none of them', async () => {
      const canary = join(sshd.dir, 'canary');
      const hostile = [
        `; touch ${canary}`,
        `$(touch ${canary})`,
        `\`touch ${canary}\``,
        `'; touch ${canary}; '`,
        `"; touch ${canary}; "`,
        `a b  c && touch ${canary} || touch ${canary}`,
        `> ${canary}`,
        '$(id) ${HOME} * ~ \\ !!',
      ];
      // Concurrently, as channels of one connection.
      const results = await Promise.all(hostile.map((text) => session.run('echo', { text })));
      expect(results.map((r) => r.stdout)).toEqual(hostile);
      expect(results.every((r) => r.exitCode === 0)).toBe(true);
      expect(existsSync(canary)).toBe(false);
    });

    it('bounds the output it keeps and says it cut', async () => {
      const small = await openSshSession({ ...options, maxStdoutBytes: 1000 });
      try {
        const result = await small.run('flood');
        expect(result.exitCode).toBe(0);
        expect(result.stdoutTruncated).toBe(true);
        expect(Buffer.byteLength(result.stdout)).toBe(1000);
        expect(result.stdout.startsWith('1\n2\n3\n')).toBe(true);
      } finally {
        await small.close();
      }
    });

    it('refuses bad arguments on an open session without running anything', async () => {
      await expect(session.run('touch', { path: '/tmp/x; id' })).rejects.toBeInstanceOf(BadArgumentError);
      await expect(session.run('reboot')).rejects.toBeInstanceOf(CommandNotAllowedError);
    });
  });

  it('times out a command, kills it on the server, and the session stays usable', async () => {
    const session = await openSshSession({ ...options, commandTimeoutMs: 500 });
    try {
      const startedAt = Date.now();
      const error = await session.run('sleep', { seconds: LONG_SLEEP_SECONDS }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportTimeoutError);
      expect(error).toMatchObject({ code: 'timeout', details: { command: 'sleep', timeoutMs: 500 } });
      expect(Date.now() - startedAt).toBeLessThan(10_000);

      // The remote program goes away rather than lingering for an hour. The
      // server's own deadline is ours plus a second; the rest of the wait is
      // room for a machine busy with the other test files.
      await waitUntil(() => sleepersAlive().length === 0, {
        what: 'the remote sleep to end',
        timeoutMs: 15_000,
        intervalMs: 50,
        describe: () => `still running as pids ${sleepersAlive().join(', ')}`,
      });

      const after = await session.run('echo', { text: 'still here' });
      expect(after.stdout).toBe('still here');
    } finally {
      await session.close();
    }
  });

  it('refuses a disallowed command or a bad argument without connecting', async () => {
    const { server, port, connections } = await silentServer();
    try {
      const target = { ...options, port };
      await expect(runSshCommand(target, 'rm', { path: '/' })).rejects.toMatchObject({ code: 'command_not_allowed' });
      await expect(runSshCommand(target, 'touch', { path: '$(id)' })).rejects.toMatchObject({ code: 'bad_argument' });
      await expect(runSshCommand(target, 'sleep', { seconds: 0 })).rejects.toMatchObject({ code: 'bad_argument' });
      expect(connections()).toBe(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('refuses a server whose host key is not the pinned one, and runs nothing', async () => {
    const canary = join(sshd.dir, 'host-key-canary');
    const wrong = 'SHA256:' + 'A'.repeat(43);
    const error = await runSshCommand({ ...options, hostKeyFingerprint: wrong }, 'touch', { path: canary }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostKeyMismatchError);
    // The fingerprint we computed from the handshake is the one ssh-keygen prints.
    expect(error).toMatchObject({ code: 'host_key_mismatch', details: { expected: wrong, presented: sshd.hostKeyFingerprint } });
    expect(existsSync(canary)).toBe(false);

    // The same command with the right pin does run: the canary check above can fail.
    await runSshCommand(options, 'touch', { path: canary });
    expect(existsSync(canary)).toBe(true);
  });

  it('refuses a pin that is not an OpenSSH SHA256 fingerprint', async () => {
    await expect(openSshSession({ ...options, hostKeyFingerprint: 'md5:aa:bb' })).rejects.toMatchObject({
      code: 'bad_argument',
    });
  });

  it('reports a key the server does not accept as auth_failed', async () => {
    const error = await runSshCommand({ ...options, privateKey: sshd.strangerKey }, 'list-missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthFailedError);
    expect(error).toMatchObject({ code: 'auth_failed', transport: 'ssh', target: `127.0.0.1:${sshd.port}` });
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const error = await runSshCommand({ ...options, port }, 'list-missing').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect(error).toMatchObject({ code: 'unreachable', details: { reason: 'ECONNREFUSED' } });
  });

  it('gives up on a server that accepts but never speaks SSH within the connect timeout', async () => {
    const { server, port, connections } = await silentServer();
    try {
      const startedAt = Date.now();
      const error = await runSshCommand({ ...options, port, connectTimeoutMs: 300 }, 'list-missing').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect(connections()).toBe(1);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
    } finally {
      server.close();
    }
  });
});
