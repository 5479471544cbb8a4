// The hub's storage, as domain-level operations. Callers never see SQL, so a
// PostgreSQL store can replace SQLite without touching them. Every method is
// async even where SQLite is not, for the same reason.
import type {
  Asset,
  AssetKind,
  AuditEntry,
  ChatCard,
  DiagAction,
  DiagVerdict,
  Dispatch,
  DispatchState,
  Finding,
  ActorRef,
  Channel,
  Health,
  Incident,
  IncidentState,
  Severity,
  Site,
  SiteKind,
  SiteTelemetry,
  TimelineEntry,
  TokenInfo,
} from '../../core/model.js';

export interface SiteQuery {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export interface AssetQuery {
  siteId?: string | undefined;
  kind?: AssetKind | undefined;
}

export interface IncidentQuery {
  state?: IncidentState | 'open' | undefined;
  siteId?: string | undefined;
  assetId?: string | undefined;
  severity?: Severity | undefined;
  limit?: number | undefined;
}

export interface AuditQuery {
  /** Entries after this sequence number. */
  afterSeq?: number | undefined;
  /** Entries at or after this ISO time. */
  since?: string | undefined;
  limit: number;
  /** Without a lower bound, take the newest `limit` (still returned oldest first). */
  newest?: boolean | undefined;
}

export interface AssetCount {
  siteId: string | null;
  kind: AssetKind;
  health: Health;
  count: number;
}

/** An incident as first stored; the store assigns id and version. */
export type NewIncident = Omit<Incident, 'id' | 'version'>;

export type NewTimelineEntry = Omit<TimelineEntry, 'id'>;

export interface TokenRecord extends TokenInfo {
  hash: string;
}

/** An audit row as the chain computes it (seq, prevHash and hash included). */
export type AuditRow = AuditEntry;

export interface AuditHead {
  seq: number;
  hash: string;
}

/** A finished diagnostic run, as kept for the remote-resolution KPI. */
export interface DiagnosticRunRecord {
  id: string;
  incidentId: string | null;
  siteId: string | null;
  assetId: string;
  actor: ActorRef;
  channel: Channel;
  fix: boolean;
  verdict: DiagVerdict;
  findings: Finding[];
  actions: DiagAction[];
  startedAt: string;
  finishedAt: string;
}

export interface DispatchQuery {
  state?: DispatchState | undefined;
  siteId?: string | undefined;
  incidentId?: string | undefined;
  limit?: number | undefined;
}

/** A work order as first stored; the store assigns the DSP-nnnnnn id. */
export type NewDispatch = Omit<Dispatch, 'id'>;

/** A device incident opened in a window, with the remote verdicts given on it. */
export interface RemoteOutcome {
  incidentId: string;
  createdAt: string;
  resolvedAt: string | null;
  /** Runs with a final verdict on this incident, oldest first. */
  verdicts: { verdict: DiagVerdict; at: string }[];
  dispatchedAt: string | null;
}

/** A site's wait in one minute (minutes since the epoch, on the hub's clock). */
export interface WaitMinuteSample {
  siteId: string;
  minute: number;
  waitMinutes: number;
}

export interface ChatCardQuery {
  incidentId?: string | undefined;
  target?: string | undefined;
}

export interface StoreReader {
  countSites(): Promise<number>;
  listSites(query?: SiteQuery): Promise<Site[]>;
  /** Matched case-insensitively. */
  getSite(id: string): Promise<Site | undefined>;
  listAssets(query?: AssetQuery): Promise<Asset[]>;
  /** Matched case-insensitively. */
  getAsset(id: string): Promise<Asset | undefined>;
  countAssets(): Promise<AssetCount[]>;

  /** Newest first. */
  listIncidents(query?: IncidentQuery): Promise<Incident[]>;
  /** Matched case-insensitively. */
  getIncident(id: string): Promise<Incident | undefined>;
  findOpenIncidentByFingerprint(fingerprint: string): Promise<Incident | undefined>;
  listTimeline(incidentId: string): Promise<TimelineEntry[]>;

  listTelemetry(): Promise<SiteTelemetry[]>;
  /** A site's wait samples from `fromMinute` (minutes since the epoch) on, oldest first. */
  listWaitSamples(siteId: string, fromMinute: number): Promise<WaitMinuteSample[]>;

  listTokens(): Promise<TokenInfo[]>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  getTokenByHash(hash: string): Promise<TokenRecord | undefined>;

  /** Oldest first. */
  listAudit(query: AuditQuery): Promise<AuditRow[]>;
  /** The whole log in seq order, for verification. */
  readAuditLog(): Promise<AuditRow[]>;
  /** The last row's seq and hash as recorded when it was written (guards against cut tails). */
  getAuditHead(): Promise<AuditHead | undefined>;

  /** Newest first. */
  listDispatches(query?: DispatchQuery): Promise<Dispatch[]>;
  /** Matched case-insensitively. */
  getDispatch(id: string): Promise<Dispatch | undefined>;
  /** Device incidents (with an asset) opened in [since, until], with their remote verdicts. */
  listRemoteOutcomes(since: string, until: string): Promise<RemoteOutcome[]>;
  /** Oldest claim first. */
  listChatCards(query?: ChatCardQuery): Promise<ChatCard[]>;
  getChatCard(incidentId: string, target: string): Promise<ChatCard | undefined>;
}

export interface StoreWriter extends StoreReader {
  upsertSites(sites: Site[]): Promise<void>;
  upsertAssets(assets: Asset[]): Promise<void>;
  setAssetHealth(id: string, health: Health): Promise<void>;

  /** Allocates the next INC-nnnnnn id; version starts at 1. */
  insertIncident(incident: NewIncident): Promise<Incident>;
  /** Compare-and-set on `version`: false if the stored version is no longer `expectedVersion`. */
  updateIncident(incident: Incident, expectedVersion: number): Promise<boolean>;
  appendTimeline(entry: NewTimelineEntry): Promise<TimelineEntry>;

  upsertTelemetry(telemetry: SiteTelemetry[]): Promise<void>;
  /** One sample per site per minute: a later one in the same minute replaces it. Drops samples before `keepFromMinute`. */
  recordWaitSamples(samples: WaitMinuteSample[], keepFromMinute: number): Promise<void>;

  insertToken(token: TokenRecord): Promise<void>;
  revokeToken(id: string, at: string): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;

  appendAudit(row: AuditRow): Promise<void>;

  insertDiagnosticRun(run: DiagnosticRunRecord): Promise<void>;
  /** Allocates the next DSP-nnnnnn id. */
  insertDispatch(dispatch: NewDispatch): Promise<Dispatch>;
  /** Compare-and-set on state: false if it was no longer `expectedState`. */
  updateDispatch(dispatch: Dispatch, expectedState: DispatchState): Promise<boolean>;
  /** Insert or replace the card of (incidentId, target). */
  putChatCard(card: ChatCard): Promise<void>;
}

export interface Store extends StoreReader {
  /**
   * Runs `fn` as one transaction. Writers are serialised: no other request's
   * statements interleave with `fn`'s, even across its awaits.
   */
  transaction<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /** A single write outside a business transaction (e.g. a token's last use). */
  touchToken(id: string, at: string): Promise<void>;
  close(): Promise<void>;
}
