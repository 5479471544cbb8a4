// What a Linux site server's own tools say, read as the `server` checks and
// metrics of docs/device-signals.md. Pure: command results in, health out.
// A command that could not run (or said something we cannot read) gives a
// `warn` check with the reason: the other checks still count.
import type { DeviceCheck, DeviceHealth } from '../device-api.js';
import type { CommandResult } from './ssh-transport.js';
import type { TransportError } from '../errors.js';

/** One read command's outcome, with the hub-clock window it ran in (ms since the epoch). */
export type Reading = ({ result: CommandResult } | { error: TransportError }) & { fromMs: number; toMs: number };

export interface ServerReadings {
  service: { unit: string; reading: Reading };
  disk: Reading;
  clock: Reading;
  /** Absent when the server has no certificate to watch. */
  certificate: { path: string; reading: Reading } | undefined;
}

export interface ServerHealth {
  health: DeviceHealth;
  metrics: Record<string, number>;
}

// docs/device-signals.md: disk fails at ≥ 95 % used, clock beyond ±2 s,
// a certificate at ≤ 0 days left.
const DISK_FULL_PCT = 95;
const CLOCK_SKEW_LIMIT_MS = 2_000;
const CERTIFICATE_WARN_DAYS = 14;
const DAY_MS = 86_400_000;

interface Checked {
  check: DeviceCheck;
  metrics?: Record<string, number>;
}

const pass = (name: string): Checked => ({ check: { name, status: 'pass' } });
const warn = (name: string, detail: string): Checked => ({ check: { name, status: 'warn', detail } });
const fail = (name: string, detail: string): Checked => ({ check: { name, status: 'fail', detail } });

const lastLine = (text: string) => text.trim().split('\n').at(-1)?.trim() ?? '';

/** The result if the command ran to an exit; otherwise why not, as a warn check. */
function ran(name: string, reading: Reading): CommandResult | Checked {
  if ('error' in reading) return warn(name, `could not run ${commandOf(reading)}: ${reading.error.code}: ${reading.error.message}`);
  const r = reading.result;
  if (r.exitCode === 127) return warn(name, `${r.argv[0]} is not installed on the server`);
  if (r.exitCode === null) return warn(name, `${r.command} was killed${r.signal ? ` by SIG${r.signal}` : ''}`);
  return r;
}

function commandOf(reading: Reading): string {
  const details = 'error' in reading ? (reading.error.details as { command?: unknown }) : undefined;
  return typeof details?.command === 'string' ? details.command : 'the command';
}

const isChecked = (x: CommandResult | Checked): x is Checked => 'check' in x;

function serviceCheck({ unit, reading }: ServerReadings['service']): Checked {
  const r = ran('service', reading);
  if (isChecked(r)) return r;
  // `systemctl is-active` prints the state and exits 0 only for active.
  const state = lastLine(r.stdout);
  if (r.exitCode === 0 && state === 'active') return pass('service');
  if (!state) return warn('service', `systemctl is-active exited ${r.exitCode}: ${lastLine(r.stderr) || 'no output'}`);
  if (state === 'activating' || state === 'reloading') return warn('service', `${unit} is ${state}`);
  return fail('service', `${unit} is ${state}`);
}

/** Used % of the filesystem in `df -P` output (the Capacity column). */
export function parseDfUsedPct(stdout: string): number | undefined {
  const lines = stdout.trim().split('\n');
  if (lines.length < 2) return undefined;
  const capacity = lastLine(stdout)
    .split(/\s+/)
    .find((field) => /^\d{1,3}%$/.test(field));
  return capacity === undefined ? undefined : Number(capacity.slice(0, -1));
}

function diskCheck(reading: Reading): Checked {
  const r = ran('disk', reading);
  if (isChecked(r)) return r;
  const usedPct = r.exitCode === 0 ? parseDfUsedPct(r.stdout) : undefined;
  if (usedPct === undefined) return warn('disk', `cannot read df output (exit ${r.exitCode}): ${lastLine(r.stderr) || lastLine(r.stdout) || 'nothing'}`);
  const metrics = { diskUsedPct: usedPct };
  if (usedPct >= DISK_FULL_PCT) return { ...fail('disk', `/var is ${usedPct}% full`), metrics };
  return { ...pass('disk'), metrics };
}

/**
 * `timedatectl show` prints TimeUSec like `Sun 2026-11-29 07:21:07 UTC`
 * (whole seconds; a fraction is read if present). Zone names other than
 * UTC/GMT are ambiguous (CST…), so only those and numeric offsets are read.
 */
export function parseTimeUSec(value: string): { ms: number; resolutionMs: number } | undefined {
  const m = /^(?:[A-Za-z]{3} )?(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\S+)$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  let offsetMin: number;
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Z') offsetMin = 0;
  else {
    const z = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zone!);
    if (!z) return undefined;
    offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  const fractionMs = fraction ? Number(fraction.padEnd(6, '0')) / 1000 : 0;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMin * 60_000 + fractionMs;
  return Number.isFinite(ms) ? { ms, resolutionMs: fraction ? 1 : 1000 } : undefined;
}

/**
 * How far the server's clock is from the hub's. The server's reading stands
 * for [ms, ms + resolution); the hub saw the command between fromMs and toMs.
 * The skew is the gap between those intervals (0 when they overlap), so the
 * round trip and the truncated seconds never count as skew.
 */
export function clockSkewMs(server: { ms: number; resolutionMs: number }, fromMs: number, toMs: number): number {
  if (server.ms + server.resolutionMs < fromMs) return Math.round(server.ms + server.resolutionMs - fromMs);
  if (server.ms > toMs) return Math.round(server.ms - toMs);
  return 0;
}

function clockCheck(reading: Reading): Checked {
  const r = ran('clock', reading);
  if (isChecked(r)) return r;
  const props = new Map(
    r.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
  const time = parseTimeUSec(props.get('TimeUSec') ?? '');
  if (r.exitCode !== 0 || !time) {
    return warn('clock', `cannot read the server time (exit ${r.exitCode}): ${props.get('TimeUSec') ?? (lastLine(r.stderr) || 'no TimeUSec')}`);
  }
  const skew = clockSkewMs(time, reading.fromMs, reading.toMs);
  const metrics = { clockSkewMs: skew };
  const synced = props.get('NTPSynchronized') === 'yes';
  if (Math.abs(skew) > CLOCK_SKEW_LIMIT_MS) {
    return { ...fail('clock', `off by ${(skew / 1000).toFixed(1)} s${synced ? '' : ', not NTP-synchronised'}`), metrics };
  }
  if (!synced) return { ...warn('clock', 'not NTP-synchronised (time still within 2 s)'), metrics };
  return { ...pass('clock'), metrics };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `notAfter=Jan  1 00:00:00 2027 GMT` (openssl x509 -enddate) as ms since the epoch. */
export function parseNotAfter(stdout: string): number | undefined {
  const m = /notAfter=([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT/.exec(stdout);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!);
  if (month < 0) return undefined;
  return Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
}

function certificateCheck(certificate: ServerReadings['certificate'], nowMs: number): Checked {
  if (!certificate) return { check: { name: 'certificate', status: 'pass', detail: 'no certificate configured for this server' } };
  const r = ran('certificate', certificate.reading);
  if (isChecked(r)) return r;
  const notAfter = r.exitCode === 0 ? parseNotAfter(r.stdout) : undefined;
  if (notAfter === undefined) {
    return warn('certificate', `cannot read the expiry of ${certificate.path} (exit ${r.exitCode}): ${lastLine(r.stderr) || lastLine(r.stdout) || 'no output'}`);
  }
  const days = Math.floor((notAfter - nowMs) / DAY_MS);
  const metrics = { certificateExpiresInDays: days };
  const when = new Date(notAfter).toISOString();
  if (notAfter <= nowMs) return { ...fail('certificate', `${certificate.path} expired at ${when}`), metrics };
  if (days <= 0) return { ...fail('certificate', `${certificate.path} expires within a day (${when})`), metrics };
  if (days <= CERTIFICATE_WARN_DAYS) return { ...warn('certificate', `${certificate.path} expires in ${days} days`), metrics };
  return { ...pass('certificate'), metrics };
}

/**
 * The server's health as a device would report it. `down` when the service
 * itself has failed, `degraded` for any other failing check; warnings (a
 * probe that could not run, NTP unsynchronised) leave it `ok`.
 */
export function serverHealth(readings: ServerReadings, nowMs: number): ServerHealth {
  const parts: Checked[] = [
    serviceCheck(readings.service),
    diskCheck(readings.disk),
    clockCheck(readings.clock),
    certificateCheck(readings.certificate, nowMs),
    // A PSU is invisible from a shell; the BMC/IPMI would see it, SSH cannot.
    { check: { name: 'power', status: 'pass', detail: 'not observable over SSH' } },
  ];
  const checks = parts.map((p) => p.check);
  const failing = checks.filter((c) => c.status === 'fail');
  const status = failing.some((c) => c.name === 'service') ? 'down' : failing.length ? 'degraded' : 'ok';
  return { health: { status, checks }, metrics: Object.assign({}, ...parts.map((p) => p.metrics ?? {})) as Record<string, number> };
}
