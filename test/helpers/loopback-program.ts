// What the helpers that start a real server program on loopback (sshd,
// Alertmanager) share: a port nothing listens on, tried again when another
// process takes it between the probe and the program's bind, and a stop that
// asks first and kills only a program that does not listen.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

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
