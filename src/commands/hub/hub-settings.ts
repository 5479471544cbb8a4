// What `hub start` can be told, once, for both places it is told: the flags
// and the config file (`--config hub.yaml`). Each setting has the flag's name
// and one parser, so the file cannot accept what the flag refuses, and a key
// the hub does not know is an error rather than a setting silently ignored.
import { InvalidArgumentError } from 'commander';
import { spanMs } from '../../core/time-input.js';
import { integerOption, positiveNumberOption } from '../options.js';
import { parseAutoRemediate, type AutoRemediateKinds } from './auto-remediate.js';

/** The most days of past flow a demo hub takes: the eight weeks the hub keeps (FLOW_HISTORY_HOURS). */
export const DEMO_PAST_MAX_DAYS = 56;

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface HubSettings {
  demo?: boolean;
  seed?: number;
  speed?: number;
  /** Days of the demo fleet's past hourly flow a fresh demo hub takes at start (0: none). */
  demoPast?: number;
  /** How often each demo site reports, in milliseconds of site time (absent: once a real second, whatever the speed). */
  demoReportEvery?: number;
  port?: number;
  host?: string;
  data?: string;
  autoRemediate?: AutoRemediateKinds;
  sshKey?: string;
  auditKey?: string;
  auditCheckpoints?: string;
  playbooks?: string;
  peaks?: string;
  tlsCert?: string;
  tlsKey?: string;
  logFormat?: LogFormat;
  /** How long telemetry and wait history are kept, in milliseconds. */
  retain?: number;
  /** How often the early warning evaluates the forecast and raises `predicted` incidents, in milliseconds; off when absent. */
  earlyWarning?: number;
  /** Alerts that may wait for the intake's writer before senders are told to retry (503). */
  intakeQueue?: number;
  /** Alerts taken in (on disk) and not yet applied before senders are told to retry (503). */
  intakeBacklog?: number;
  /** The same alert at `groupSites` sites within this long (ms) is one shared cause. */
  groupWindow?: number;
  groupSites?: number;
}

type Key = keyof HubSettings;

interface Setting<K extends Key> {
  key: K;
  /** The value as the flag would give it (a string), or as YAML does (a number, a boolean, a list). */
  parse(value: unknown): HubSettings[K];
  /** A file or directory: a relative one in the config file is read from the file's own directory. */
  path?: true;
}

const MIN_RETAIN_MS = 86_400_000;

function text(value: unknown): string {
  if (typeof value === 'string' && value.trim()) return value;
  if (typeof value === 'number') return String(value);
  throw new InvalidArgumentError('expected a value');
}

const path = (value: unknown) => text(value);

export function parseRetain(value: unknown): number {
  const ms = spanMs(text(value));
  if (ms === undefined || ms < MIN_RETAIN_MS) throw new InvalidArgumentError('expected a span of whole days, at least 1d (e.g. 400d)');
  return ms;
}

// The intake's bounds and the time-window grouping: a whole number within reason, a span of a second to an hour.
export const parseAlertCount = (value: unknown): number => integerOption(1, 10_000_000)(text(value));
export const parseGroupSites = (value: unknown): number => integerOption(2, 10_000)(text(value));
export function parseGroupWindow(value: unknown): number {
  const ms = spanMs(text(value));
  if (ms === undefined || ms < 1_000 || ms > 3_600_000) throw new InvalidArgumentError('expected a span from 1s to 1h (e.g. 60s, 5m)');
  return ms;
}

// A report a site-second apart is finer than any real site's counters; an hour apart is the flow history's own grain.
const DEMO_REPORT_MS = { min: 1_000, max: 3_600_000 } as const;

/** `--demo-report-every`: site time between a demo site's reports (e.g. 5m), whatever the speed. */
export function parseDemoReportEvery(value: unknown): number {
  const ms = spanMs(text(value));
  if (ms === undefined || ms < DEMO_REPORT_MS.min || ms > DEMO_REPORT_MS.max) throw new InvalidArgumentError('expected a span of site time from 1s to 1h (e.g. 5m)');
  return ms;
}

const MIN_EARLY_WARNING_MS = 1_000;

export function parseEarlyWarning(value: unknown): number {
  const ms = spanMs(text(value));
  if (ms === undefined || ms < MIN_EARLY_WARNING_MS) throw new InvalidArgumentError('expected how often, at least 1s (e.g. 1m, 30s)');
  return ms;
}

export function parseLogFormat(value: unknown): LogFormat {
  const v = text(value);
  if (!(LOG_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${LOG_FORMATS.join(', ')}`);
  return v as LogFormat;
}

function autoRemediate(value: unknown): AutoRemediateKinds | undefined {
  if (typeof value === 'boolean') return parseAutoRemediate(value);
  if (Array.isArray(value)) return parseAutoRemediate(value.map((v) => text(v)).join(','));
  return parseAutoRemediate(text(value));
}

function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidArgumentError('expected true or false');
  return value;
}

/** Every setting, by the name of its flag (and its key in the config file). */
export const HUB_SETTINGS: { [flagName: string]: Setting<Key> } = {
  demo: { key: 'demo', parse: flag },
  seed: { key: 'seed', parse: (v) => integerOption(0)(text(v)) },
  speed: { key: 'speed', parse: (v) => positiveNumberOption(text(v)) },
  'demo-past': { key: 'demoPast', parse: (v) => integerOption(0, DEMO_PAST_MAX_DAYS)(text(v)) },
  'demo-report-every': { key: 'demoReportEvery', parse: parseDemoReportEvery },
  port: { key: 'port', parse: (v) => integerOption(0, 65535)(text(v)) },
  host: { key: 'host', parse: text },
  data: { key: 'data', parse: path, path: true },
  'ssh-key': { key: 'sshKey', parse: path, path: true },
  'audit-key': { key: 'auditKey', parse: path, path: true },
  'audit-checkpoints': { key: 'auditCheckpoints', parse: path, path: true },
  playbooks: { key: 'playbooks', parse: path, path: true },
  peaks: { key: 'peaks', parse: path, path: true },
  'auto-remediate': { key: 'autoRemediate', parse: autoRemediate },
  'tls-cert': { key: 'tlsCert', parse: path, path: true },
  'tls-key': { key: 'tlsKey', parse: path, path: true },
  'log-format': { key: 'logFormat', parse: parseLogFormat },
  retain: { key: 'retain', parse: parseRetain },
  'early-warning': { key: 'earlyWarning', parse: parseEarlyWarning },
  'intake-queue': { key: 'intakeQueue', parse: parseAlertCount },
  'intake-backlog': { key: 'intakeBacklog', parse: parseAlertCount },
  'group-window': { key: 'groupWindow', parse: parseGroupWindow },
  'group-sites': { key: 'groupSites', parse: parseGroupSites },
};

/** The flags' settings over the file's: a flag given on the command line wins. */
export function mergeSettings(fromFile: HubSettings, fromFlags: HubSettings): HubSettings {
  const merged: HubSettings = { ...fromFile };
  for (const [key, value] of Object.entries(fromFlags) as [Key, unknown][]) {
    if (value !== undefined) (merged as Record<Key, unknown>)[key] = value;
  }
  return merged;
}
