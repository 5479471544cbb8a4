// Shared helpers for the benchmark scripts: start a real demo hub as a child
// process on a free port with its own config directory, and small statistics.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'bin', 'watchfloor.js');

/** Start `watchfloor hub start --demo` in a child process; resolves once it listens. */
export async function startDemoHub({ seed = 7, speed = 60, extraArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wf-bench-'));
  const env = { ...process.env, WATCHFLOOR_CONFIG_DIR: dir, NO_COLOR: '1' };
  delete env.WATCHFLOOR_HUB;
  delete env.WATCHFLOOR_TOKEN;
  const child = spawn(
    process.execPath,
    [CLI, 'hub', 'start', '--demo', '--seed', String(seed), '--speed', String(speed), '--port', '0', '--data', join(dir, 'hub.sqlite'), '--json', ...extraArgs],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start in 30 s:\n${stderr}`)), 30_000);
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.includes('"url"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line).url);
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${stderr}`)));
  });
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  const token = config.profiles[config.activeProfile ?? 'default'].token;
  return {
    url,
    token,
    env,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), min: s[0], max: s[s.length - 1] };
}

export const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
