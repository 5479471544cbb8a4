// Shared helpers for the benchmark scripts: start a real demo hub as a child
// process on a free port with its own config directory, and small statistics.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'bin', 'watchfloor.js');

/**
 * Start a long-running CLI command (`hub start --json`, `bot --json`) and
 * resolve with what `pick` takes from the first JSON line it accepts.
 */
export async function startCliUntilJson(args, env, pick, timeoutMs = 30_000, nodeArgs = [], cli = CLI) {
  const child = spawn(process.execPath, [...nodeArgs, cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const value = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`watchfloor ${args[0]} did not start in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (c) => {
      out += c;
      for (const line of out.split('\n')) {
        const picked = line.startsWith('{') ? pick(JSON.parse(line)) : undefined;
        if (picked === undefined) continue;
        clearTimeout(timer);
        resolve(picked);
        return;
      }
    });
    child.on('exit', (code) => reject(new Error(`watchfloor ${args[0]} exited with ${code}:\n${stderr}`)));
  });
  return { child, value, stop, stderr: () => stderr };
}

// What the demo hub logs once the fleet's past is in (PAST_FLOW_IN, src/hub/demo/start-demo.ts).
export const PAST_IN = "demo: imported the fleet's past";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Start `watchfloor hub start --demo` in a child process; resolves once it listens and, unless
 * `waitForPast` is false, once it has taken the fleet's past in. The hub serves first and takes
 * 14 days of every site's flow behind it (seconds of its CPU): a bench that measured from the
 * first request would measure that import beside what it means to measure.
 * `cli` runs another checkout's built CLI (a side-by-side run against main's).
 */
export async function startDemoHub({ seed = 7, speed = 60, extraArgs = [], nodeArgs = [], cli = CLI, waitForPast = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wf-bench-'));
  const env = { ...process.env, WATCHFLOOR_CONFIG_DIR: dir, NO_COLOR: '1' };
  delete env.WATCHFLOOR_HUB;
  delete env.WATCHFLOOR_TOKEN;
  const { child, value: url, stop, stderr } = await startCliUntilJson(
    ['hub', 'start', '--demo', '--seed', String(seed), '--speed', String(speed), '--port', '0', '--data', join(dir, 'hub.sqlite'), '--json', ...extraArgs],
    env,
    (line) => line.url,
    30_000,
    nodeArgs,
    cli,
  );
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  const token = config.profiles[config.activeProfile ?? 'default'].token;
  const readyAt = Date.now();
  const pastOff = extraArgs.some((a, i) => a === '--demo-past' && Number(extraArgs[i + 1]) === 0);
  if (waitForPast && !pastOff) {
    for (const giveUp = readyAt + 120_000; !stderr().includes(PAST_IN); await sleep(100)) {
      if (Date.now() > giveUp) {
        await stop();
        throw new Error(`the demo's past was not in after 120 s:\n${stderr()}`);
      }
    }
  }
  return {
    url,
    token,
    env,
    dir,
    /** The hub's process (its RSS is in /proc/<pid>/status) and what it logged so far. */
    pid: child.pid,
    stderr,
    /** When it listened (Date.now()), and how long after that its past was in (ms; 0 when not waited for). */
    readyAt,
    pastInMs: waitForPast && !pastOff ? Date.now() - readyAt : 0,
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A numeric command-line option (`--rounds 5`), or its default. */
export function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
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

/** The kernel's clock ticks per second, the unit of /proc/PID/stat's times. */
export function clockTicks() {
  return Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
}

/** utime + stime of a process, in seconds (Linux): CPU spent, whatever else the machine runs. */
export function cpuSeconds(pid, ticksPerSecond, stat = `/proc/${pid}/stat`) {
  // The command may hold spaces and parentheses: fields count from the last ')'.
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * The main thread of process `pid` (Linux; its thread id is the pid): CPU seconds it ran, and
 * seconds it spent runnable but waiting for a core (schedstat) — the event loop's own work, and
 * how long the machine kept it from doing it.
 */
export function mainThreadSeconds(pid, ticksPerSecond) {
  const cpu = cpuSeconds(pid, ticksPerSecond, `/proc/${pid}/task/${pid}/stat`);
  const [, waitNs] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
  return { cpu, waiting: waitNs / 1e9 };
}

/** The machine's load average (1, 5, 15 minutes), for a bench's report: its figures mean little without it. */
export const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Every thread of process `pid` onto the cores listed (Linux, taskset's -c syntax). */
export function pinToCores(pid, cores) {
  const done = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`taskset could not pin ${pid} to ${cores}: ${done.stderr || done.error}`);
}

export const fmt = (ms) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

/**
 * A new token of `role` on the hub at `url`, made with an admin's. Alerts and
 * telemetry come in with an intake token, as from Alertmanager: no person's
 * token may post them.
 */
export async function createToken(url, adminToken, { name, role, bot }) {
  const res = await fetch(new URL('/v1/tokens', url), {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, role, ...(bot ? { bot } : {}) }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`POST /v1/tokens -> ${res.status} ${JSON.stringify(body)}`);
  return body.secret;
}
