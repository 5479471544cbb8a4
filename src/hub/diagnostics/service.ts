// The hub's diagnostics: one runner configuration (device connections,
// per-site limits) shared by API runs, fleet sweeps and automatic mode.
import { randomUUID } from 'node:crypto';
import type { Asset, DiagAction, DiagEvent, DiagVerdictEvent, Incident, SweepInput, SweepSummary, SweepResult } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { EventRelay } from '../events/outbox-relay.js';
import type { PlaybookCatalog } from '../playbooks/catalog.js';
import type { Store } from '../store/store.js';
import { forEachBounded } from './bounded.js';
import { deviceConnector } from '../../devices/connector.js';
import type { DeviceConnector } from '../../devices/device-client.js';
import { DeviceTokens } from '../../devices/http/device-tokens.js';
import { storeActionLedger } from '../coordination/store-action-ledger.js';
import { storeSiteLimits, type SiteLimitOptions } from './limits.js';
import { noRecorder, storeRecorder } from './record.js';
import { runNamedAction, type NamedActionRequest } from './named-action.js';
import { runOnAsset } from './runner.js';
import { openIncidentsByAsset, type Target } from './targets.js';

export interface DiagnosticsDeps {
  store: Store;
  relay: EventRelay;
  now: () => Date;
  log: (line: string) => void;
  /** What incidents opened for a finding propose (read when one opens: startHub sets it after building this). */
  playbooks?: PlaybookCatalog | undefined;
}

export interface DiagnosticsOptions {
  /** Replaces the device connector (tests). */
  connect?: DeviceConnector;
  /** The hub's SSH private key for ssh:// assets (site servers); none: they get an auth finding. */
  sshPrivateKey?: string | Buffer;
  /** Bearer tokens for HTTP management APIs, by scope (default: an empty set, added to as devices come up). */
  deviceTokens?: DeviceTokens;
  limits?: SiteLimitOptions;
  retryDelayMs?: number;
}

export interface RunRequest {
  fix: boolean;
  dryRun: boolean;
  requestId?: string | undefined;
}

/** How many assets of one diagnostic run (a whole site) are probed at once. */
const RUN_CONCURRENCY = 16;

export interface DiagnosticsService {
  /** Runs on every asset of the target; `emit` gets each event as it happens, one verdict per asset. */
  run(caller: Caller, target: Target, request: RunRequest, emit: (e: DiagEvent) => void): Promise<DiagVerdictEvent[]>;
  sweep(caller: Caller, assets: readonly Asset[], input: Required<Pick<SweepInput, 'fix' | 'concurrency'>>, emit: (e: SweepResult) => void): Promise<SweepSummary>;
  /** One named action on one device with the caller's idempotency key (a playbook's remediate step). */
  act(caller: Caller, request: NamedActionRequest): Promise<DiagAction>;
  /** The tokens HTTP devices are called with; a token added here applies from the next connect. */
  readonly deviceTokens: DeviceTokens;
  close(): Promise<void>;
}

export function createDiagnostics(deps: DiagnosticsDeps, options: DiagnosticsOptions = {}): DiagnosticsService {
  const hubClock = () => deps.now().getTime();
  // Servers over SSH keep no idempotency keys: the hub's store does, for every hub over it.
  const ledger = storeActionLedger(deps.store, { now: hubClock });
  const deviceTokens = options.deviceTokens ?? new DeviceTokens();
  const devices = options.connect ? undefined : deviceConnector({ http: { tokens: deviceTokens }, ssh: { privateKey: options.sshPrivateKey, now: hubClock, ledger } });
  const connect = options.connect ?? devices!.connect;
  const limits = storeSiteLimits(deps.store, options.limits);
  const runnerDeps = { connect, limits, now: deps.now, retryDelayMs: options.retryDelayMs };

  const runOne = (caller: Caller, asset: Asset, incident: Incident | null, request: RunRequest, emit: (e: DiagEvent) => void) => {
    const runId = `run-${randomUUID()}`;
    const recorder = request.dryRun ? noRecorder : storeRecorder(deps, caller);
    const scope = request.requestId ?? incident?.id ?? runId;
    return limits.withSite(asset.siteId ?? asset.id, () =>
      runOnAsset(runnerDeps, { asset, incident, caller, fix: request.fix, dryRun: request.dryRun, scope, runId, recorder }, emit),
    );
  };

  // A failure of the hub itself on one asset is reported on the stream; the others go on.
  const guarded = async (asset: Asset, emit: (e: DiagEvent) => void, work: () => Promise<DiagVerdictEvent>) => {
    try {
      return await work();
    } catch (e) {
      deps.log(`diagnostics: ${asset.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      emit({ type: 'error', at: deps.now().toISOString(), assetId: asset.id, code: 'hub_error', message: `diagnosing ${asset.id} failed in the hub: ${e instanceof Error ? e.message : String(e)}` });
      return undefined;
    }
  };

  return {
    deviceTokens,

    act: (caller, request) => runNamedAction(runnerDeps, storeRecorder(deps, caller), caller, request),

    async run(caller, target, request, emit) {
      const incidents = target.incident ? undefined : await openIncidentsByAsset(deps.store, target.assets[0]?.siteId ?? undefined);
      const verdicts: DiagVerdictEvent[] = [];
      await forEachBounded(target.assets, RUN_CONCURRENCY, async (asset) => {
        const incident = target.incident ?? incidents?.get(asset.id.toLowerCase()) ?? null;
        const verdict = await guarded(asset, emit, () => runOne(caller, asset, incident, request, emit));
        if (verdict) verdicts.push(verdict);
      });
      return verdicts;
    },

    async sweep(caller, assets, input, emit) {
      const started = performance.now();
      const incidents = await openIncidentsByAsset(deps.store);
      const counts = { healthy: 0, fixed: 0, mitigated: 0, dispatched: 0, unreachable: 0, planned: 0 };
      const quiet = () => {};
      await forEachBounded(assets, input.concurrency, async (asset) => {
        const incident = incidents.get(asset.id.toLowerCase()) ?? null;
        const verdict = await guarded(asset, quiet, () => runOne(caller, asset, incident, { fix: input.fix, dryRun: false }, quiet));
        if (!verdict) return;
        counts[verdict.verdict]++;
        emit({
          type: 'result',
          assetId: asset.id,
          siteId: asset.siteId,
          kind: asset.kind,
          verdict: verdict.verdict,
          findings: verdict.findings,
          actions: verdict.actions,
          incidentId: verdict.incidentId,
          dispatchId: verdict.dispatchId,
        });
      });
      return { type: 'summary', assets: assets.length, ...counts, wallMs: Math.round(performance.now() - started) };
    },

    async close() {
      await devices?.close();
    },
  };
}
