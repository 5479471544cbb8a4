// Starts the crash child (child.ts) as a process: the devices, or a hub over
// a data file, each printing its URL once it listens. A hub is stopped the
// hard way: SIGKILL, no shutdown, whatever was in flight left as it was.
import { spawn, type ChildProcess } from 'node:child_process';
import { crashChild } from './bundle.mjs';
import type { DevicesConfig, HubConfig } from './child.js';

export interface ChildProcessHandle {
  url: string;
  adminToken: string | undefined;
  child: ChildProcess;
  stderr(): string;
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM; resolves once the process is gone. */
  stop(): Promise<void>;
}

export async function startCrashChild(config: DevicesConfig | HubConfig, timeoutMs = 30_000): Promise<ChildProcessHandle> {
  const file = await crashChild();
  const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', WF_CRASH_CHILD: JSON.stringify(config) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await gone;
  };
  const first = await new Promise<{ url: string; adminToken?: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the crash child (${config.mode}) did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`the crash child (${config.mode}) exited with ${code}: ${stderr}`)));
  }).catch(async (e) => {
    await end('SIGKILL');
    throw e;
  });
  return { url: first.url, adminToken: first.adminToken, child, stderr: () => stderr, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
