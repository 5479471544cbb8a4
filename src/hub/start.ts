// Starts the hub: store, event bus, metrics, HTTP server, and in demo mode
// the demo world it is handed (its fleet, devices and simulator).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
// ssh2 is CommonJS and its `utils` is not a named export Node can see: take it from the default.
import ssh2 from 'ssh2';
import { UsageError } from '../core/errors.js';
import { exposureWarning } from '../core/private-file.js';
import { redact } from '../core/redact.js';
import type { AssetKind } from '../core/model.js';
import { buildApp } from './app.js';
import { hubCheckpointer, openAuditSigning, type AuditFileOptions } from './audit/hub-checkpoints.js';
import { SYSTEM } from './caller.js';
import type { HubContext } from './context.js';
import type { DemoWorld, Stoppable } from './demo/demo-world.js';
import { startDemo } from './demo/start-demo.js';
import { startAutoRemediation, type AutoRemediation } from './diagnostics/auto-remediate.js';
import { createDiagnostics } from './diagnostics/service.js';
import { openHubEvents, type HubEvents } from './events/hub-events.js';
import type { HttpTimeouts } from './http-timeouts.js';
import type { GroupingRules } from './incidents/alert-grouping.js';
import type { IntakeLimits } from './incidents/alert-pipeline.js';
import { createHubMetrics } from './metrics.js';
import { catalogOf, type PlaybookCatalog } from './playbooks/catalog.js';
import { adoptPlaybookCatalog, openPlaybookCatalog } from './playbooks/open-catalog.js';
import { createPlaybookRuns } from './playbooks/run-service.js';
import type { RunnerOptions } from './playbooks/runner.js';
import { refuseUnwritableStore } from './store/refuse-unwritable.js';
import { holdInUse, type InUseLock } from './store/sqlite/in-use-lock.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import type { Store } from './store/store.js';
import { issueToken } from './tokens/tokens.js';
import { readTlsFiles, type TlsFiles } from './tls-files.js';
import { startRetention, type Retention } from './telemetry/retention.js';
import { peakCalendarPath, readPeakCalendar } from './forecast/peak-calendar-file.js';
import { startEarlyWarnings, type EarlyWarningOptions, type EarlyWarnings } from './forecast/early-warning.js';
import { transact } from './transact.js';
import { watchfloorVersion } from '../core/version.js';

export interface HubOptions extends Omit<AuditFileOptions, 'dataFile'> {
  dataFile: string; // SQLite file path; created with migrations if new
  host?: string; // default 127.0.0.1
  port?: number; // default 7474; 0 = a free port
  demo?: boolean; // seed the demo world's fleet and start its simulator (needs the world)
  seed?: number; // simulator seed (default 1)
  speed?: number; // simulated seconds per real second (default 1)
  demoPastDays?: number; // days of the demo fleet's past flow a fresh demo hub takes first (default: the world's, 14; 0: none)
  demoReportMs?: number; // site time between a demo site's reports, ms (default: one report a real second, so `speed` seconds)
  log?: (line: string) => void; // one-line human log messages (the CLI sends them to stderr); default: none
  now?: () => Date; // clock, for tests
  /** Run the diagnostic runner with fix on each new device incident of these kinds. */
  autoRemediate?: AssetKind[] | 'all';
  /** The private key the hub logs in to ssh:// assets (site servers) with; read once at start. */
  sshKeyFile?: string;
  /** Bounds on slow or silent HTTP clients; the defaults are in http-timeouts.ts. */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** The operator's own playbooks, loaded beside the built-ins (one with a built-in's id replaces it). */
  playbooksDir?: string;
  /** The playbooks this hub runs instead of loading them (tests hand it a catalogue of their own). */
  playbooks?: PlaybookCatalog;
  /** The forecast's peak calendar (`hub start --peaks FILE`); default: peaks.yaml beside the data file, else the package's. */
  peaksFile?: string;
  /** The playbook runner's timing (tests shorten it). */
  playbookRunner?: RunnerOptions;
  /** Keep telemetry and wait history this long (ms), pruned at start and hourly; never audit or incidents. */
  retainMs?: number;
  /** Evaluate the forecast every `everyMs` and raise `predicted` incidents (early-warning.ts); off when absent. */
  earlyWarning?: EarlyWarningOptions;
  /** Serve HTTPS: the certificate (chain) and its private key, PEM files read once at start. */
  tls?: TlsFiles;
  /** The alert intake's queue bounds: alerts that may wait, alerts per transaction, Retry-After when full. */
  intake?: Partial<IntakeLimits>;
  /** The alert grouping's rules (alert-grouping.ts), over its defaults. */
  grouping?: Partial<GroupingRules>;
}

export interface RunningHub {
  url: string; // http://127.0.0.1:PORT
  port: number;
  dataFile: string;
  /** Set only when this start created the data file: the first admin token's secret (shown once). */
  adminToken: string | undefined;
  /** Demo only: the device emulator's base URL (its control endpoint is under /control/v1). */
  simUrl?: string;
  /** Demo only: the bearer token of the emulator's control endpoint. */
  simToken?: string;
  close(): Promise<void>; // stops simulator, HTTP server, closes the DB
  /** A fresh demo hub's past flow starts coming in behind it: the caller calls this once it has said where the hub serves. */
  takeDemoPast(): void;
}

export const DEFAULT_PORT = 7474;
export const BOOTSTRAP_TOKEN_NAME = 'bootstrap-admin';

/** A new store gets one admin token, so someone can create the others. */
async function bootstrapAdmin(ctx: HubContext): Promise<string | undefined> {
  return transact(ctx, async (tx) => {
    if ((await tx.listTokens()).length > 0) return undefined;
    const issued = await issueToken(tx, SYSTEM, { name: BOOTSTRAP_TOKEN_NAME, role: 'admin' }, ctx.now().toISOString());
    return issued.secret;
  });
}

function urlOf(scheme: 'http' | 'https', host: string, port: number): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function listenError(e: unknown, host: string, port: number): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return new UsageError(`port ${port} on ${host} is already in use`, {
      hint: 'is another hub running? pick another with --port, or --port 0 for any free one',
      cause: e,
    });
  }
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    return new UsageError(`cannot listen on ${host}:${port} (${code})`, { hint: 'try another --host or --port', cause: e });
  }
  return e;
}

// In-flight requests get this long to finish; then connections are cut, so a
// client holding a socket open (e.g. one that vanished mid event stream)
// cannot hold up shutdown.
const SHUTDOWN_GRACE_MS = 1_000;

async function closeGracefully(app: FastifyInstance): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

/** The hub's SSH key, read and parsed once: a bad file stops the start, not every later probe. */
function readSshKey(file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  const hint = 'pass the private key the site servers authorise (unencrypted, OpenSSH or PEM) with --ssh-key FILE';
  let key: Buffer;
  try {
    key = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read the SSH key file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint, cause: e });
  }
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error) throw new UsageError(`${file} is not a usable SSH private key: ${parsed.message}`, { hint, cause: parsed });
  if (!parsed.isPrivateKey()) throw new UsageError(`${file} is a public key; the hub needs the private one`, { hint });
  return key;
}

/** `world`: the demo world, for `demo: true` (src/sim's, or a small one in tests). */
export async function startHub(options: HubOptions, world?: DemoWorld): Promise<RunningHub> {
  if (options.demo && !world) throw new UsageError('a demo hub needs a demo world to run');
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  // Every line the hub logs passes here: no token, password or credential header reaches the log.
  const sink = options.log ?? (() => {});
  const log = (line: string) => sink(redact(line));
  const now = options.now ?? (() => new Date());
  const sshPrivateKey = readSshKey(options.sshKeyFile);
  const tls = options.tls ? readTlsFiles(options.tls) : undefined;
  // A calendar named at start is checked at start: a mistake in it is one line, not a hub that starts and fails each forecast.
  if (options.peaksFile !== undefined) readPeakCalendar(options.peaksFile);
  const auditSigning = openAuditSigning(options, log);

  let store: Store;
  try {
    store = openSqliteStore(options.dataFile);
  } catch (e) {
    throw new UsageError(`cannot open the hub's data file ${options.dataFile}: ${(e as Error).message}`, {
      hint: 'check the path and its permissions, or pass another with --data',
      cause: e,
    });
  }
  const exposed = exposureWarning(options.dataFile, "the hub's data file");
  if (exposed) log(exposed);
  await refuseUnwritableStore(store, options.dataFile, now());
  let inUse: InUseLock | undefined;
  let events: HubEvents;
  try {
    // Held while the hub runs: `hub restore` refuses a data file a hub has open.
    inUse = holdInUse(options.dataFile);
    events = await openHubEvents(store, { now, log, onListenerError: (e) => log(`event listener failed: ${String(e)}`) });
  } catch (e) {
    inUse?.release();
    await store.close();
    throw e;
  }
  const { bus, relay } = events;
  const metrics = createHubMetrics({
    openIncidents: async () => {
      const counts = await store.countOpenBySeverity();
      return { sev1: counts.sev1 ?? 0, sev2: counts.sev2 ?? 0, sev3: counts.sev3 ?? 0, sev4: counts.sev4 ?? 0, total: Object.values(counts).reduce((a, b) => a + b, 0) };
    },
    sseClients: () => bus.subscriberCount,
  });
  const ctx: HubContext = { store, bus, relay, metrics, now, log, version: watchfloorVersion(), startedAt: now() };
  ctx.peakCalendarFile = peakCalendarPath({ file: options.peaksFile, dataFile: options.dataFile });
  ctx.dataFile = options.dataFile;
  if (options.grouping) ctx.grouping = options.grouping;
  const audit = (ctx.audit = hubCheckpointer(auditSigning, ctx));
  const diagnostics = (ctx.diagnostics = createDiagnostics(ctx, sshPrivateKey ? { sshPrivateKey } : {}));
  // Empty until the catalogue loads below (after the admin exists, so its versions are audited).
  ctx.playbooks = catalogOf([]);
  const playbookRuns = createPlaybookRuns(ctx, options.playbookRunner);
  const app = buildApp(ctx, { httpTimeouts: options.httpTimeouts, playbookRuns, backupDir: dirname(options.dataFile), ...(tls ? { tls } : {}), ...(options.intake ? { intake: options.intake } : {}) });
  let simulator: Stoppable | undefined;
  let autoRemediation: AutoRemediation | undefined;
  let retention: Retention | undefined;
  let earlyWarnings: EarlyWarnings | undefined;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      retention?.stop();
      await earlyWarnings?.stop();
      await autoRemediation?.stop();
      await playbookRuns.runner.close();
      await simulator?.stop();
      await closeGracefully(app);
      await diagnostics.close();
      // Last of all that may append to the log, so the shutdown checkpoint signs its final row.
      await audit.stop();
      await events.close();
      await store.close();
      inUse?.release();
      log('hub stopped');
    })());

  try {
    await audit.start();
    const adminToken = await bootstrapAdmin(ctx);
    ctx.playbooks = options.playbooks
      ? await adoptPlaybookCatalog(ctx, options.playbooks)
      : await openPlaybookCatalog(ctx, { operatorDir: options.playbooksDir });
    if (options.autoRemediate && (options.autoRemediate === 'all' || options.autoRemediate.length > 0)) {
      autoRemediation = startAutoRemediation(ctx, diagnostics, { kinds: options.autoRemediate });
      log(`auto-remediate: ${options.autoRemediate === 'all' ? 'every asset kind' : options.autoRemediate.join(', ')}`);
    }
    try {
      await app.listen({ host, port });
    } catch (e) {
      throw listenError(e, host, port);
    }
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const url = urlOf(tls ? 'https' : 'http', host, boundPort);
    log(`hub ${ctx.version} listening on ${url} (data: ${options.dataFile})`);
    let sim: Pick<RunningHub, 'simUrl' | 'simToken'> = {};
    let takePastFlow: (() => void) | undefined;
    if (options.demo && world) {
      const { stop, takePast, ...where } = await startDemo(ctx, { hubUrl: url, dataFile: options.dataFile, seed: options.seed ?? 1, speed: options.speed ?? 1, ...(options.demoPastDays === undefined ? {} : { pastDays: options.demoPastDays }), ...(options.demoReportMs === undefined ? {} : { reportEveryMs: options.demoReportMs }) }, world);
      simulator = { stop };
      sim = where;
      takePastFlow = takePast;
    }
    if ((await store.countSites()) === 0) {
      log('no sites yet: load your inventory with `watchfloor inventory apply inventory.yaml` (an admin token; the format is in the README), or start with --demo');
    }
    if (options.retainMs) retention = startRetention(ctx, options.retainMs);
    if (options.earlyWarning) earlyWarnings = startEarlyWarnings(ctx, options.earlyWarning);
    // After the demo's devices are up: a run left mid-drill injects into this world.
    await playbookRuns.runner.start();
    return { url, port: boundPort, dataFile: options.dataFile, adminToken, ...sim, close, takeDemoPast: () => takePastFlow?.() };
  } catch (e) {
    await close();
    throw e;
  }
}
