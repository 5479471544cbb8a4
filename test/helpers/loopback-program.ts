// What the helpers that start a real server program on loopback (sshd,
// Alertmanager) share: a port nothing listens on, tried again when another
// process takes it between the probe and the program's bind; a start that
// waits until the program serves; a stop that asks first and kills only a
// program that does not go.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { waitUntil } from './wait-until.js';

const PORT_ATTEMPTS = 3;
const STOP_GRACE_MS = 3_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Launch {
  binary: string;
  args: string[];
  /** Where its stderr goes, for failure messages. */
  logs: string[];
  /** True once it serves on its port. */
  serving(): Promise<boolean>;
  what: string;
  timeoutMs: number;
}

/** Spawns the program and waits until it serves; one that exits first (its port was taken) or stays silent is killed: undefined. */
export async function spawnServing({ binary, args, logs, serving, what, timeoutMs }: Launch): Promise<ChildProcess | undefined> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.setEncoding('utf8').on('data', (text: string) => logs.push(text));
  let exited = false;
  child.once('exit', () => (exited = true));
  const outcome = await waitUntil(async () => (exited ? 'exited' : (await serving()) && 'serving'), { what, timeoutMs, intervalMs: 50 }).catch(() => 'silent');
  if (outcome === 'serving') return child;
  child.kill('SIGKILL');
  return undefined;
}

/** `launch` starts the program on a port and resolves with it once it serves, or undefined if it could not (it killed it). */
export async function launchOnFreePort(launch: (port: number) => Promise<ChildProcess | undefined>): Promise<{ child: ChildProcess; port: number } | undefined> {
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const child = await launch(port);
    if (child) return { child, port };
  }
  return undefined;
}

/** SIGTERM, then SIGKILL after a grace period; resolves once it was asked (and killed if it had to be). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_GRACE_MS))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
