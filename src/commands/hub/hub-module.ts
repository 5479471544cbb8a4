// What the CLI needs from src/hub/start.ts, which it loads only with import()
// so the hub's packages stay off every other command's start-up path. Kept
// structural so the front end does not import the hub's types statically.
import type { AssetKind } from '../../core/vocabulary.js';

export interface HubOptions {
  dataFile: string;
  host?: string;
  port?: number;
  demo?: boolean;
  seed?: number;
  speed?: number;
  /** Days of the demo fleet's past hourly flow a fresh demo hub takes at start (default 14; 0: none). */
  demoPastDays?: number;
  /** Site time between a demo site's reports, ms (default: one report a real second). */
  demoReportMs?: number;
  log?: (line: string) => void;
  now?: () => Date;
  /** Run the diagnostic runner with fix on each new device incident of these kinds. */
  autoRemediate?: AssetKind[] | 'all';
  /** The private key for ssh:// assets (site servers); the hub reads it once at start. */
  sshKeyFile?: string;
  /** The Ed25519 key audit checkpoints are signed with (default: created beside the data file). */
  auditKeyFile?: string;
  /** Where signed audit checkpoints are appended (default: beside the data file). */
  auditCheckpointsFile?: string;
  /** The operator's own playbooks, loaded beside the built-ins (one with a built-in's id replaces it). */
  playbooksDir?: string;
  /** The forecast's calendar of known peaks (default: peaks.yaml beside the data file, else the package's). */
  peaksFile?: string;
  /** Serve HTTPS with this certificate (chain) and private key, PEM files. */
  tls?: { certFile: string; keyFile: string };
  /** Keep telemetry and wait history this long (milliseconds); never audit or incidents. */
  retainMs?: number;
}

export interface RunningHub {
  url: string;
  port: number;
  dataFile: string;
  adminToken: string | undefined;
  /** Demo only: the device emulator's base URL (control endpoint under /control/v1). */
  simUrl?: string;
  /** Demo only: the bearer token of the emulator's control endpoint. */
  simToken?: string;
  close(): Promise<void>;
  /** Demo only: a fresh demo hub's past flow starts coming in behind it (called once the URL is out). */
  takeDemoPast?(): void;
}

export interface RestoreOptions {
  backupFile: string;
  dataFile: string;
  /** Check the backup only; replace nothing. */
  checkOnly?: boolean;
}

export interface RestoreResult {
  backupFile: string;
  dataFile: string;
  /** Where the replaced data file now is; null when there was none, or with checkOnly. */
  keptAs: string | null;
  /** Rows of the audit log the backup holds, every one verified. */
  auditRows: number;
  restored: boolean;
}

export interface HubModule {
  startHub(options: HubOptions): Promise<RunningHub>;
  /** Checks a backup (integrity, audit chain) and, unless checkOnly, puts it in place of a stopped hub's data file. */
  restoreBackup(options: RestoreOptions): Promise<RestoreResult>;
}
