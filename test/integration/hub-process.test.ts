// Issue 13: the hub as a service manager runs it — the built CLI as a child
// process. SIGTERM drains and exits 0 within 10 s, also when it lands while
// the hub is still starting (systemd stops a unit whenever it likes); a port
// already in use is a one-line error with exit 2.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, runCli, startCliProcess, type CliEnv } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';

const envs: CliEnv[] = [];
afterEach(() => envs.splice(0).forEach((e) => e.cleanup()));
const freshEnv = () => {
  const e = cliEnv();
  envs.push(e);
  return e;
};

function spawnHub(args: string[], env: CliEnv) {
  const child = spawn(process.execPath, [CLI_PATH, 'hub', 'start', '--port', '0', '--data', join(env.configDir, 'hub.sqlite'), ...args], {
    env: env.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.on('data', (c) => (stdout += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr, stdout: () => stdout };
}

describe('hub start under a service manager', () => {
  it('SIGTERM while the hub is starting: it finishes starting, closes in order and exits 0', async () => {
    const env = freshEnv();
    const hub = spawnHub([], env);
    // Written inside startHub, before it listens: the signal lands mid-start.
    await waitUntil(() => hub.stderr().includes('audit: created the signing key'), { what: 'the hub to begin starting', timeoutMs: 20_000 });
    hub.child.kill('SIGTERM');
    const started = performance.now();
    const exit = await hub.exited;
    expect(exit, hub.stderr()).toEqual({ code: 0, signal: null });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(hub.stderr()).toContain('hub stopped');
  }, 40_000);

  it('SIGTERM once listening: stops taking connections, closes the store, exits 0 within 10 s', async () => {
    const env = freshEnv();
    const hub = await startCliProcess(['hub', 'start', '--port', '0', '--data', join(env.configDir, 'hub.sqlite'), '--json'], env.env, (l) => l.url as string | undefined);
    const exited = new Promise<number | null>((resolve) => hub.child.once('exit', (code) => resolve(code)));
    hub.child.kill('SIGTERM');
    const started = performance.now();
    expect(await exited).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(hub.stderr()).toMatch(/stopping: no new connections[^\n]*\n[\s\S]*hub stopped\n/);
    const after = await runCli(['status', '--hub', hub.value], env.env);
    expect(after.code).toBe(3);
  }, 40_000);

  it('a port already in use: one clear line, exit 2, not "a bug in watchfloor"', async () => {
    const env = freshEnv();
    const first = await startCliProcess(['hub', 'start', '--port', '0', '--data', join(env.configDir, 'a.sqlite'), '--json'], env.env, (l) => l.url as string | undefined);
    try {
      const port = new URL(first.value).port;
      const second = await runCli(['hub', 'start', '--port', port, '--data', join(env.configDir, 'b.sqlite')], env.env, 30_000);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(second.stderr).not.toContain('this is a bug in');
    } finally {
      await first.stop();
    }
  }, 60_000);
});
