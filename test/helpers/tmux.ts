// A real terminal for end-to-end tests of the terminal UI: a detached tmux
// session on its own server (its own -L socket), keys sent with send-keys,
// the screen read with capture-pane. Every call has a time limit, and kill()
// ends the server whatever state it is in.
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemProgramPath } from './system-programs.js';
import { waitUntil } from './wait-until.js';

const CALL_TIMEOUT_MS = 5_000;

export interface TmuxSession {
  /** The pane's text, one string per row (trailing spaces trimmed). */
  screen(): Promise<string>;
  /** tmux key names (Enter, Escape, Tab, Down, Left…) or single characters. */
  keys(...keys: string[]): Promise<void>;
  /** Text typed literally. */
  type(text: string): Promise<void>;
  /** Polls the screen until `predicate` holds; fails with the last screen after `timeoutMs`. */
  waitFor(predicate: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  /** Whether the pane's program has exited (the pane is kept for reading). */
  exited(): Promise<boolean>;
  /** The pane's title, as a program may set it with an escape sequence (OSC 0 or 2). */
  title(): Promise<string>;
  kill(): Promise<void>;
}

export interface TmuxOptions {
  width: number;
  height: number;
  command: string[];
  env: Record<string, string>;
  /** A directory for the server's config file. */
  dir: string;
}

function tmux(socket: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(systemProgramPath('tmux'), ['-L', socket, ...args], { env, timeout: CALL_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`tmux ${args[0]} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

let sessions = 0;

export async function startTmux(options: TmuxOptions): Promise<TmuxSession> {
  const socket = `wf-e2e-${process.pid}-${++sessions}-${Date.now().toString(36)}`;
  // No status bar (the program gets every row) and the pane kept after its
  // program exits, so a crash can still be read.
  const config = join(options.dir, `${socket}.conf`);
  writeFileSync(config, 'set -g status off\nset -g remain-on-exit on\n');
  const env = { ...options.env };
  const target = `${socket}:0.0`;
  let socketPath = '';
  try {
    await tmux(socket, ['-f', config, 'new-session', '-d', '-s', socket, '-x', String(options.width), '-y', String(options.height), ...options.command], env);
    // kill-server leaves the socket file behind; kill() removes it.
    socketPath = (await tmux(socket, ['display-message', '-p', '#{socket_path}'], env)).trim();
  } catch (e) {
    await tmux(socket, ['kill-server'], env).catch(() => undefined);
    throw e;
  }
  const session: TmuxSession = {
    async screen() {
      const text = await tmux(socket, ['capture-pane', '-p', '-t', target], env);
      return text
        .split('\n')
        .map((l) => l.trimEnd())
        .join('\n');
    },
    async keys(...keys) {
      for (const key of keys) await tmux(socket, ['send-keys', '-t', target, key], env);
    },
    async type(text) {
      await tmux(socket, ['send-keys', '-t', target, '-l', text], env);
    },
    async waitFor(predicate, what, timeoutMs = 15_000) {
      let last = '';
      const shows = async () => {
        last = await session.screen().catch((e: unknown) => `(no screen: ${String(e)})`);
        return predicate(last);
      };
      await waitUntil(shows, {
        what: `the screen to show ${what}`,
        timeoutMs,
        intervalMs: 100,
        describe: () => `it showed:\n${last}`,
      });
      return last;
    },
    async exited() {
      return (await tmux(socket, ['display-message', '-p', '-t', target, '#{pane_dead}'], env)).trim() === '1';
    },
    async title() {
      return (await tmux(socket, ['display-message', '-p', '-t', target, '#{pane_title}'], env)).trim();
    },
    async kill() {
      await tmux(socket, ['kill-server'], env).catch(() => undefined);
      if (socketPath) rmSync(socketPath, { force: true });
    },
  };
  return session;
}
