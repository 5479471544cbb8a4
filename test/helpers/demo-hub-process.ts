// `watchfloor hub start --demo` as a child process of the built CLI, on a
// free port, writing its admin token to the profile in the CLI env's config
// directory (so other commands run with that env use it).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH, type CliEnv } from './cli.js';

export interface DemoHubProcess {
  url: string;
  /** The admin token the first start stored in the active profile. */
  profileToken: string;
  stop(): Promise<void>;
}

export async function startDemoHubProcess(cli: CliEnv, { seed = 7, speed = 60 } = {}): Promise<DemoHubProcess> {
  const hub = spawn(
    process.execPath,
    [CLI_PATH, 'hub', 'start', '--demo', '--seed', String(seed), '--speed', String(speed), '--port', '0', '--data', join(cli.configDir, 'hub.sqlite'), '--json'],
    { env: cli.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  hub.stderr.on('data', (c) => (stderr += c));
  const stop = async () => {
    if (hub.exitCode !== null || hub.signalCode !== null) return;
    const exited = new Promise((r) => hub.once('exit', r));
    hub.kill('SIGTERM');
    const timer = setTimeout(() => hub.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`hub did not start within 30 s: ${stderr}`)), 30_000);
      hub.stdout.on('data', (c) => {
        out += c;
        const line = out.split('\n').find((l) => l.includes('"url"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line).url as string);
        }
      });
      hub.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${stderr}`)));
    });
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    const profileToken = config.profiles[config.activeProfile ?? 'default'].token as string;
    return { url, profileToken, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
