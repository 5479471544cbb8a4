// A Linux site server as a DeviceClient: the same health, metrics and named
// actions the runner gets from a device's HTTP management API, made from
// allow-listed commands over SSH (see ../README.md for the
// managementUrl form). Transport errors pass through typed, so the runner's
// findings read the same whichever way a device is reached.
import type { Asset } from '../../core/model.js';
import type { ActionLedger } from '../action-ledger.js';
import { MemoryActionLedger } from '../memory-action-ledger.js';
import type { ActionRequest, DeviceClient, DeviceConnector, ManagedAsset } from '../device-client.js';
import { serverHealth, type Reading, type ServerHealth } from './server-readings.js';
import { parseSshManagementUrl, type SshManagementTarget } from './management-url.js';
import { resolveCommand, type CommandParams } from './command-allow-list.js';
import { DEVICE_ACTIONS, IDEMPOTENCY_KEY, isDeviceAction, type DeviceAction, type DeviceActionOutcome, type DeviceHealth, type DeviceMetrics } from '../device-api.js';
import { SITE_SERVER_COMMANDS, type SiteServerCommand } from './site-server-commands.js';
import { openSshSession, type SshSession } from './ssh-transport.js';
import { AuthFailedError, BadArgumentError, CommandNotAllowedError, isTransportError } from '../errors.js';
import { elapsedMs, type TimedResult } from '../timed.js';

export interface SshDeviceOptions {
  /** The hub's private key (OpenSSH or PEM text); undefined: none configured. */
  privateKey: string | Buffer | undefined;
  /** Shared by every client of the hub, so a retried key is seen across runs (the hub's is in its store). */
  ledger: ActionLedger;
  /** The hub clock (ms since the epoch): clock skew and certificate expiry are measured against it. */
  now?: () => number;
  /** Connect, handshake and login. Default 5 s. */
  connectTimeoutMs?: number;
  /** Each read command (health). Default 10 s; changes use their allow-list timeout. */
  readTimeoutMs?: number;
}

// What each device action runs on a server. Actions missing here answer
// not_applicable without connecting: renew-certificate has no allow-listed
// command (how a site renews differs; add one to site-server-commands.ts
// first), and reboot is left to a technician (it drops the session and an
// unanswered reboot cannot be verified from here).
const ACTION_COMMANDS: Partial<Record<DeviceAction, { command: SiteServerCommand; params: (t: SshManagementTarget) => CommandParams }>> = {
  'restart-service': { command: 'service-restart', params: (t) => ({ service: t.service }) },
  'free-storage': { command: 'journal-vacuum', params: () => ({}) },
  'resync-clock': { command: 'clock-resync', params: () => ({}) },
};

// metrics() right after health() reuses that reading instead of asking again
// (the runner always asks for both); anything older is read afresh.
const READING_REUSE_MS = 5_000;

export class SshDevice implements DeviceClient {
  private readonly target: SshManagementTarget | Error;
  private readonly now: () => number;
  private lastReading: { reading: ServerHealth; at: number } | undefined;

  constructor(
    private readonly asset: ManagedAsset,
    private readonly options: SshDeviceOptions,
  ) {
    this.now = options.now ?? Date.now;
    // A bad URL is the device's problem to report (a finding), not the caller's to catch here.
    try {
      this.target = checkedTarget(asset);
    } catch (e) {
      this.target = e as Error;
    }
  }

  async health(): Promise<TimedResult<DeviceHealth>> {
    const startedAt = performance.now();
    const reading = await this.read();
    this.lastReading = { reading, at: performance.now() };
    return { ...reading.health, durationMs: elapsedMs(startedAt) };
  }

  async metrics(): Promise<TimedResult<DeviceMetrics>> {
    const startedAt = performance.now();
    const last = this.lastReading;
    this.lastReading = undefined;
    const reading = last && performance.now() - last.at < READING_REUSE_MS ? last.reading : await this.read();
    return { at: new Date(this.now()).toISOString(), metrics: reading.metrics, durationMs: elapsedMs(startedAt) };
  }

  async action(name: string, request: ActionRequest): Promise<TimedResult<DeviceActionOutcome>> {
    const startedAt = performance.now();
    const target = this.resolved();
    const where = { transport: 'ssh', target: `${target.host}:${target.port}` } as const;
    if (!isDeviceAction(name)) {
      throw new CommandNotAllowedError(`"${name}" is not a device action`, { ...where, hint: `actions: ${DEVICE_ACTIONS.join(', ')}`, details: { action: name } });
    }
    if (!IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new BadArgumentError(`${name}: the idempotency key must be 1-200 visible ASCII characters`, { ...where, details: { action: name, param: 'idempotencyKey' } });
    }
    const outcome = await this.options.ledger.once(this.asset.id, request.idempotencyKey, () => this.perform(name, target));
    return { ...outcome, durationMs: elapsedMs(startedAt) };
  }

  private async perform(name: DeviceAction, target: SshManagementTarget): Promise<DeviceActionOutcome> {
    const mapped = ACTION_COMMANDS[name];
    if (!mapped) return { action: name, status: 'not_applicable', message: `${name} is not offered over SSH (no allow-listed command)`, replayed: false };
    const session = await this.open(target);
    try {
      const result = await session.run(mapped.command, mapped.params(target));
      if (result.exitCode === 0) return { action: name, status: 'done', message: `${mapped.command} ran on ${target.host}`, replayed: false };
      const said = result.stderr.trim().split('\n').at(-1) || result.stdout.trim().split('\n').at(-1) || 'no output';
      return { action: name, status: 'failed', message: `${mapped.command} exited ${result.exitCode ?? `on SIG${result.signal}`}: ${said}`, replayed: false };
    } finally {
      await session.close();
    }
  }

  /** The read commands over one session, in parallel channels. */
  private async read(): Promise<ServerHealth> {
    const target = this.resolved();
    const session = await this.open(target);
    try {
      const run = async (command: SiteServerCommand, params: CommandParams = {}): Promise<Reading> => {
        const fromMs = this.now();
        try {
          return { result: await session.run(command, params), fromMs, toMs: this.now() };
        } catch (e) {
          if (!isTransportError(e)) throw e;
          return { error: e, fromMs, toMs: this.now() };
        }
      };
      const certificate = target.certificate;
      const [service, disk, clock, cert] = await Promise.all([
        run('service-status', { service: target.service }),
        run('disk-usage'),
        run('clock-status'),
        certificate ? run('certificate-expiry', { path: certificate }) : undefined,
      ]);
      const readings = [service, disk, clock, cert].filter((r) => r !== undefined);
      const failed = readings.flatMap((r) => ('error' in r ? [r.error] : []));
      // A lost connection means the server is gone, not that a probe failed;
      // so does every command failing (a hung server times them all out).
      const lost = failed.find((e) => e.code === 'unreachable') ?? (failed.length === readings.length ? failed[0] : undefined);
      if (lost) throw lost;
      return serverHealth(
        {
          service: { unit: target.service, reading: service },
          disk,
          clock,
          certificate: certificate && cert ? { path: certificate, reading: cert } : undefined,
        },
        this.now(),
      );
    } finally {
      await session.close();
    }
  }

  private resolved(): SshManagementTarget {
    if (this.target instanceof Error) throw this.target;
    return this.target;
  }

  private open(target: SshManagementTarget): Promise<SshSession> {
    if (this.options.privateKey === undefined) {
      return Promise.reject(
        new AuthFailedError('no SSH key configured for the hub', {
          transport: 'ssh',
          target: `${target.host}:${target.port}`,
          hint: 'start the hub with --ssh-key FILE (the key the site servers authorise)',
        }),
      );
    }
    return openSshSession({
      host: target.host,
      port: target.port,
      username: target.username,
      privateKey: this.options.privateKey,
      hostKeyFingerprint: target.hostKeyFingerprint,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 5_000,
      commandTimeoutMs: this.options.readTimeoutMs ?? 10_000,
    });
  }
}

/** The URL's settings, with the ones that become command arguments checked against the allow-list now. */
function checkedTarget(asset: ManagedAsset): SshManagementTarget {
  const target = parseSshManagementUrl(asset.managementUrl);
  const where = { transport: 'ssh', target: `${target.host}:${target.port}` } as const;
  if (asset.kind !== 'server') {
    throw new BadArgumentError(`${asset.id} is a ${asset.kind}: ssh:// management is for Linux servers only`, where);
  }
  resolveCommand(SITE_SERVER_COMMANDS, 'service-status', { service: target.service }, where);
  if (target.certificate) resolveCommand(SITE_SERVER_COMMANDS, 'certificate-expiry', { path: target.certificate }, where);
  return target;
}

export interface SshConnectorOptions extends Omit<SshDeviceOptions, 'ledger'> {
  ledger?: ActionLedger;
}

/** Connects `ssh://` assets; one ledger for the whole hub so idempotency holds across runs (in memory unless one is given). */
export function sshDeviceConnector(options: SshConnectorOptions): DeviceConnector {
  const ledger = options.ledger ?? new MemoryActionLedger({ ...(options.now ? { now: options.now } : {}) });
  return (asset) => new SshDevice(asset, { ...options, ledger });
}
