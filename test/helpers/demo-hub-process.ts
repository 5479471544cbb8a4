// `watchfloor hub start --demo` as a child process of the built CLI, on a
// free port, writing its admin token to the profile in the CLI env's config
// directory (so other commands run with that env use it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_CLI, startCliProcess, type CliCommand, type CliEnv } from './cli.js';

export interface DemoHubProcess {
  url: string;
  /** The admin token the first start stored in the active profile. */
  profileToken: string;
  /** The hub's process id (its threads are under /proc/<pid>/task). */
  pid: number;
  stop(): Promise<void>;
}

export async function startDemoHubProcess(cli: CliEnv, { seed = 7, speed = 60, pastDays = 0, command = BUILT_CLI as CliCommand } = {}): Promise<DemoHubProcess> {
  const hub = await startCliProcess(
    // No past flow unless asked (--demo-past): two weeks of it cost the start some seconds.
    ['hub', 'start', '--demo', '--seed', String(seed), '--speed', String(speed), '--demo-past', String(pastDays), '--port', '0', '--data', join(cli.configDir, 'hub.sqlite'), '--json'],
    cli.env,
    (line) => (typeof line.url === 'string' ? line.url : undefined),
    30_000,
    command,
  );
  const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
  const profileToken = config.profiles[config.activeProfile ?? 'default'].token as string;
  return { url: hub.value, profileToken, pid: hub.child.pid!, stop: hub.stop };
}
