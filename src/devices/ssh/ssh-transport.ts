// SSH transport to a site's Linux servers (ssh2). Only allow-listed commands
// run, their arguments quoted as data; the server must present the pinned
// host key or nothing is sent; every command has a timeout that kills it.
import { createHash } from 'node:crypto';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { resolveCommand, type CommandParams, type CommandTable, type ResolvedCommand } from './command-allow-list.js';
import { shellCommandLine } from './shell-quote.js';
import { SITE_SERVER_COMMANDS } from './site-server-commands.js';
import { AuthFailedError, BadArgumentError, DeviceError, HostKeyMismatchError, TransportTimeoutError, UnreachableError, type TransportError } from '../errors.js';
import { BoundedCollector } from '../bounded-text.js';
import { elapsedMs, type Timed } from '../timed.js';

export interface SshTarget {
  host: string;
  /** Default 22. */
  port?: number;
  username: string;
  /** OpenSSH or PEM private key text. */
  privateKey: string | Buffer;
  passphrase?: string;
  /** The server's host key as OpenSSH prints it: `SHA256:` and 43 base64 characters. */
  hostKeyFingerprint: string;
}

export interface SshTransportOptions extends SshTarget {
  /** The allow-list; by default the site-server commands. */
  commands?: CommandTable;
  /** TCP connect, handshake and authentication together. Default 5 s. */
  connectTimeoutMs?: number;
  /** Per command unless its table entry says otherwise. Default 15 s. */
  commandTimeoutMs?: number;
  /** Output beyond these bounds is dropped and flagged. Defaults 256 KiB and 16 KiB. */
  maxStdoutBytes?: number;
  maxStderrBytes?: number;
}

export interface CommandResult extends Timed {
  command: string;
  argv: string[];
  /** null when the program ended by a signal. */
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
}

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** The OpenSSH SHA256 fingerprint of a public key blob (as sent in the key exchange). */
export function sshFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

// The server kills a command this long after our own timeout gave up on it,
// so we report the timeout first and the program never outlives it by much.
const REMOTE_KILL_GRACE_MS = 1_000;

/** Run argv under coreutils `timeout`, so the server enforces the deadline even if we vanish. */
function withRemoteDeadline(argv: readonly string[], timeoutMs: number): string[] {
  return ['timeout', '-s', 'KILL', String((timeoutMs + REMOTE_KILL_GRACE_MS) / 1000), ...argv];
}

interface Settings {
  target: string;
  commands: CommandTable;
  commandTimeoutMs: number;
  maxStdoutBytes: number;
  maxStderrBytes: number;
}

function settingsOf(options: SshTransportOptions): Settings {
  return {
    target: `${options.host}:${options.port ?? 22}`,
    commands: options.commands ?? SITE_SERVER_COMMANDS,
    commandTimeoutMs: options.commandTimeoutMs ?? 15_000,
    maxStdoutBytes: options.maxStdoutBytes ?? 256 * 1024,
    maxStderrBytes: options.maxStderrBytes ?? 16 * 1024,
  };
}

/** An authenticated connection to one server; run allow-listed commands, then close(). */
export class SshSession {
  private closed = false;
  private lost: TransportError | undefined;

  constructor(
    private readonly client: Client,
    private readonly settings: Settings,
  ) {
    // ssh2 emits 'error' after the handshake too (reset, keepalive); without a
    // listener that would crash the hub. A command in flight sees 'close'.
    client.on('error', (e) => {
      this.lost = new UnreachableError(`the SSH connection to ${settings.target} failed: ${e.message}`, {
        transport: 'ssh',
        target: settings.target,
        cause: e,
      });
    });
    client.on('close', () => (this.closed = true));
  }

  /** Check a command against the allow-list without running it. */
  resolve(name: string, params: CommandParams = {}): ResolvedCommand {
    return resolveCommand(this.settings.commands, name, params, { transport: 'ssh', target: this.settings.target });
  }

  /** Run an allow-listed command. A non-zero exit is a result, not an error. */
  async run(name: string, params: CommandParams = {}): Promise<CommandResult> {
    return this.exec(this.resolve(name, params));
  }

  private exec(command: ResolvedCommand): Promise<CommandResult> {
    const { target } = this.settings;
    if (this.closed) {
      return Promise.reject(
        this.lost ?? new UnreachableError(`the SSH connection to ${target} is closed`, { transport: 'ssh', target }),
      );
    }
    const timeoutMs = command.spec.timeoutMs ?? this.settings.commandTimeoutMs;
    const startedAt = performance.now();
    const stdout = new BoundedCollector(this.settings.maxStdoutBytes);
    const stderr = new BoundedCollector(this.settings.maxStderrBytes);

    return new Promise<CommandResult>((resolve, reject) => {
      let channel: ClientChannel | undefined;
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.client.off('close', onConnectionClosed);
        outcome();
      };
      const timer = setTimeout(() => {
        settle(() =>
          reject(
            new TransportTimeoutError(`${command.name} did not finish within ${timeoutMs / 1000}s on ${target}`, {
              transport: 'ssh',
              target,
              details: { command: command.name, timeoutMs },
            }),
          ),
        );
        // Closing the channel does not stop the program (sshd leaves a non-pty
        // session's process running, and refuses signal requests under
        // privilege separation); the remote `timeout` wrapper kills it.
        channel?.close();
      }, timeoutMs);
      const onConnectionClosed = () =>
        settle(() =>
          reject(
            this.lost ??
              new UnreachableError(`the SSH connection to ${target} closed while ${command.name} ran`, {
                transport: 'ssh',
                target,
                details: { command: command.name },
              }),
          ),
        );
      this.client.once('close', onConnectionClosed);

      this.client.exec(shellCommandLine(withRemoteDeadline(command.argv, timeoutMs)), (err, opened) => {
        if (err) {
          settle(() =>
            reject(
              new DeviceError(`${target} refused to start ${command.name}: ${err.message}`, {
                transport: 'ssh',
                target,
                cause: err,
                details: { command: command.name },
              }),
            ),
          );
          return;
        }
        channel = opened;
        if (settled) {
          // Timed out before the server even opened the channel.
          opened.close();
          return;
        }
        let exitCode: number | null = null;
        let signal: string | null = null;
        opened.on('data', (chunk: Buffer) => stdout.push(chunk));
        opened.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        opened.on('exit', (code: number | null, signalName?: string) => {
          exitCode = typeof code === 'number' ? code : null;
          signal = signalName ?? null;
        });
        opened.on('close', () => {
          const out = stdout.result();
          const err = stderr.result();
          settle(() =>
            resolve({
              command: command.name,
              argv: command.argv,
              exitCode,
              signal,
              stdout: out.text,
              stderr: err.text,
              stdoutTruncated: out.truncated,
              stderrTruncated: err.truncated,
              durationMs: elapsedMs(startedAt),
            }),
          );
        });
      });
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      // A server that never answers our disconnect must not hold the caller.
      const force = setTimeout(() => this.client.destroy(), 2_000);
      this.client.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      this.client.end();
    });
  }
}

/**
 * Connect and authenticate, refusing any server whose host key is not the
 * pinned one. Errors: host_key_mismatch, auth_failed, unreachable, bad_argument.
 */
export function openSshSession(options: SshTransportOptions): Promise<SshSession> {
  const settings = settingsOf(options);
  const { target } = settings;
  const where = { transport: 'ssh', target } as const;
  if (!FINGERPRINT.test(options.hostKeyFingerprint)) {
    return Promise.reject(
      new BadArgumentError(`the pinned host key for ${target} is not an OpenSSH SHA256 fingerprint`, {
        ...where,
        hint: 'take it from `ssh-keygen -l -E sha256 -f /etc/ssh/ssh_host_ed25519_key.pub` on the server',
      }),
    );
  }
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;

  return new Promise<SshSession>((resolve, reject) => {
    const client = new Client();
    let presentedKey: string | undefined;
    let hostKeyRejected = false;
    let settled = false;
    const fail = (error: TransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.destroy();
      reject(error);
    };
    // ssh2's readyTimeout does not cover a TCP connect that never completes.
    const timer = setTimeout(
      () => fail(new UnreachableError(`${target} did not complete an SSH login within ${connectTimeoutMs / 1000}s`, where)),
      connectTimeoutMs,
    );

    client.once('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeAllListeners('error');
      resolve(new SshSession(client, settings));
    });
    client.on('error', (e: Error & { level?: string; code?: string }) => {
      if (hostKeyRejected) {
        fail(
          new HostKeyMismatchError(`${target} presented host key ${presentedKey}, not the pinned ${options.hostKeyFingerprint}`, {
            ...where,
            hint: 'the server was reinstalled or something is answering in its place; confirm the key out of band before re-pinning',
            cause: e,
            details: { expected: options.hostKeyFingerprint, presented: presentedKey },
          }),
        );
      } else if (e.level === 'client-authentication') {
        fail(new AuthFailedError(`${target} refused the key for ${options.username}`, { ...where, cause: e }));
      } else {
        fail(
          new UnreachableError(`cannot reach ${target} over SSH: ${e.code ?? e.message}`, {
            ...where,
            cause: e,
            details: e.code ? { reason: e.code } : {},
          }),
        );
      }
    });
    client.on('close', () => fail(new UnreachableError(`${target} closed the SSH connection before login`, where)));

    const config: ConnectConfig = {
      host: options.host,
      port: options.port ?? 22,
      username: options.username,
      privateKey: options.privateKey,
      readyTimeout: connectTimeoutMs,
      // No agent, no password, no keyboard-interactive: the key or nothing.
      tryKeyboard: false,
      hostVerifier: (key: Buffer) => {
        presentedKey = sshFingerprint(key);
        hostKeyRejected = presentedKey !== options.hostKeyFingerprint;
        return !hostKeyRejected;
      },
    };
    if (options.passphrase !== undefined) config.passphrase = options.passphrase;
    try {
      client.connect(config);
    } catch (e) {
      // ssh2 throws synchronously on a key it cannot parse.
      fail(new BadArgumentError(`the private key for ${target} cannot be used: ${(e as Error).message}`, { ...where, cause: e }));
    }
  });
}

/**
 * One command on one server: validate against the allow-list first (nothing
 * connects for a refused command), then connect, run and close.
 */
export async function runSshCommand(
  options: SshTransportOptions,
  name: string,
  params: CommandParams = {},
): Promise<CommandResult> {
  const settings = settingsOf(options);
  resolveCommand(settings.commands, name, params, { transport: 'ssh', target: settings.target });
  const session = await openSshSession(options);
  try {
    return await session.run(name, params);
  } finally {
    await session.close();
  }
}
