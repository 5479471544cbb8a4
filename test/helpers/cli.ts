// Runs the built CLI (bin/watchfloor.js → dist/) as a child process, the way a
// duty officer or a script does, with its own config directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI_PATH = join(import.meta.dirname, '..', '..', 'bin', 'watchfloor.js');

/** How a test starts the CLI: the repository's built bin through this node, unless it tests another copy (an installed one). */
export interface CliCommand {
  file: string;
  args: readonly string[];
  /** Where it runs (default: this process's directory). */
  cwd?: string;
}

export const BUILT_CLI: CliCommand = { file: process.execPath, args: [CLI_PATH] };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliEnv {
  configDir: string;
  env: Record<string, string>;
  cleanup(): void;
}

/** A fresh, empty config directory and an environment that points at it. */
export function cliEnv(extra: Record<string, string> = {}): CliEnv {
  const configDir = mkdtempSync(join(tmpdir(), 'wf-cli-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: configDir,
    WATCHFLOOR_CONFIG_DIR: configDir,
    NO_COLOR: '1',
    CI: 'true',
    ...extra,
  };
  return { configDir, env, cleanup: () => rmSync(configDir, { recursive: true, force: true }) };
}

/** Run the CLI with no stdin (never a terminal) and a hard time limit. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 20_000, command: CliCommand = BUILT_CLI): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command.file, [...command.args, ...args], { env, cwd: command.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`watchfloor ${args.join(' ')} did not finish in ${timeoutMs} ms\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** `runCli` with --json: the body parsed from stdout on success, from stderr (the error's JSON) otherwise; `any`, as JSON.parse gives, for each test to read the shape it expects. */
export async function runCliJson(args: string[], env: Record<string, string>): Promise<CliResult & { body: any }> {
  const r = await runCli([...args, '--json'], env);
  return { ...r, body: JSON.parse(r.code === 0 ? r.stdout : r.stderr) };
}

export interface CliProcess<T> {
  child: ChildProcess;
  /** What `pick` took from the first JSON line it accepted. */
  value: T;
  stderr(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts a long-running command (`hub start --json`, `bot --json`) and resolves
 * once it prints a JSON line `pick` accepts — the sign that it is listening.
 * Rejects, with its stderr, if it exits first or takes longer than `timeoutMs`.
 */
export async function startCliProcess<T>(
  args: string[],
  env: Record<string, string>,
  pick: (line: Record<string, unknown>) => T | undefined,
  timeoutMs = 30_000,
  command: CliCommand = BUILT_CLI,
): Promise<CliProcess<T>> {
  const child = spawn(command.file, [...command.args, ...args], { env, cwd: command.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const value = await new Promise<T>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`watchfloor ${args[0]} did not start within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
      child.stdout!.on('data', (c) => {
        out += c;
        for (const line of out.split('\n')) {
          if (!line.startsWith('{')) continue;
          const picked = pick(JSON.parse(line) as Record<string, unknown>);
          if (picked === undefined) continue;
          clearTimeout(timer);
          resolve(picked);
          return;
        }
      });
      child.once('exit', (code) => reject(new Error(`watchfloor ${args[0]} exited with ${code}: ${stderr}`)));
    });
    return { child, value, stderr: () => stderr, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
