// Starts Debian's real Alertmanager on a free loopback port for the intake's
// end-to-end test: its own config (the caller's routes and receivers), its
// own storage directory, clustering off, all in a temp directory that stop()
// removes. The config holds an intake token, so the directory is private.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOnFreePort, spawnServing, stopChild } from './loopback-program.js';
import { systemProgramPath } from './system-programs.js';

export interface TestAlertmanager {
  url: string;
  /** What Alertmanager logged so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

function launch(binary: string, dir: string, port: number, logs: string[]): Promise<ChildProcess | undefined> {
  const args = [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
    '--log.level=info',
  ];
  const serving = () => ready(`http://127.0.0.1:${port}`);
  return spawnServing({ binary, args, logs, serving, what: `Alertmanager to be ready on port ${port}`, timeoutMs: 15_000 });
}

/** `config`: alertmanager.yml's text. */
export async function startTestAlertmanager(config: string): Promise<TestAlertmanager> {
  // Test files that need it declare it with describeWith('alertmanager', …); this throws only for a direct call.
  const binary = systemProgramPath('alertmanager');
  const dir = mkdtempSync(join(tmpdir(), 'wf-alertmanager-'));
  writeFileSync(join(dir, 'alertmanager.yml'), config, { mode: 0o600 });
  const logs: string[] = [];
  const started = await launchOnFreePort((port) => launch(binary, dir, port, logs));
  if (!started) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Alertmanager did not start:\n${logs.join('')}`);
  }
  const { child, port } = started;
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => logs.join(''),
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
