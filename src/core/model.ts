// The domain model shared by the hub and every front end. The hub validates
// with these schemas; clients import the types (`import type`) so the CLI's
// hot path does not pay for loading zod.
import { z } from 'zod';
import {
  ASSET_KINDS,
  CHANNELS,
  DIAG_VERDICTS,
  DISPATCH_PRIORITIES,
  DISPATCH_STATES,
  HEALTHS,
  INCIDENT_STATES,
  ROLES,
  SEVERITIES,
  SITE_KINDS,
  TIMELINE_KINDS,
  type HubEventType,
} from './vocabulary.js';

export * from './vocabulary.js';

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const IncidentState = z.enum(INCIDENT_STATES);
export type IncidentState = z.infer<typeof IncidentState>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const SiteKind = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKind>;

export const Health = z.enum(HEALTHS);
export type Health = z.infer<typeof Health>;

export const AssetKind = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKind>;

export const LocalizedName = z.object({ en: z.string(), ar: z.string() });
export type LocalizedName = z.infer<typeof LocalizedName>;

export const Site = z.object({
  id: z.string(), // IATA code for airports (RUH), LND-*, SEA-*, SC-* otherwise
  name: LocalizedName,
  kind: SiteKind,
  region: z.string(),
  city: z.string(),
  lat: z.number(),
  lon: z.number(),
  neighbour: z.string().nullable(), // land ports: the country across the border
  annualPassengers: z.number().nullable(),
  staff: z.number().int().nonnegative(),
  source: z.string().nullable(), // where the public figures came from
});
export type Site = z.infer<typeof Site>;

// An asset is anything that can fail: a device at a site, or (siteId null)
// one of the national platforms every site depends on.
// Ids are "<SITE>/<local>" for site assets (RUH/egate-07) and
// "platform/<name>" for integrations (platform/visa).
export const Asset = z.object({
  id: z.string(),
  siteId: z.string().nullable(),
  kind: AssetKind,
  name: z.string(),
  health: Health,
  managementUrl: z.string().nullable(), // device management API, used by diagnostics
});
export type Asset = z.infer<typeof Asset>;

// Who did something: a token holder or a mapped chat user.
export const Actor = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;

export const ActorRef = z.object({ id: z.string(), name: z.string() });
export type ActorRef = z.infer<typeof ActorRef>;

export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  incidentId: z.string(),
  at: z.string(), // ISO-8601 UTC
  kind: TimelineKind,
  actor: ActorRef,
  channel: Channel,
  text: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Incident = z.object({
  id: z.string(), // INC-000042
  title: z.string(),
  severity: Severity,
  state: IncidentState,
  siteId: z.string().nullable(),
  assetId: z.string().nullable(),
  source: z.enum(['alertmanager', 'manual']),
  fingerprint: z.string().nullable(), // Alertmanager fingerprint, for dedup
  labels: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  acknowledgedBy: ActorRef.nullable(),
  acknowledgedAt: z.string().nullable(),
  assignee: z.string().nullable(),
  escalations: z.number().int().nonnegative(),
  resolvedBy: ActorRef.nullable(),
  resolvedAt: z.string().nullable(),
  summary: z.string().nullable(),
  version: z.number().int(), // bumped on every change; the compare-and-set key
});
export type Incident = z.infer<typeof Incident>;

export const SeverityCounts = z.object({
  sev1: z.number().int(),
  sev2: z.number().int(),
  sev3: z.number().int(),
  sev4: z.number().int(),
  total: z.number().int(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

// What a site reports about its flow of people; pushed by the site (or the
// demo simulator) through POST /v1/ingest/telemetry.
export const SiteTelemetry = z
  .object({
    siteId: z.string(),
    at: z.string(),
    arrivalsPerHour: z.number().nonnegative(),
    queueLength: z.number().int().nonnegative(),
    waitMinutes: z.number().nonnegative(),
    egatesInService: z.number().int().nonnegative(),
    countersOpen: z.number().int().nonnegative(),
  })
  .strict();
export type SiteTelemetry = z.infer<typeof SiteTelemetry>;

/** One minute of a site's wait, as the hub recorded it (the last report in that minute). */
export const WaitSample = z.object({
  at: z.string(), // the minute's start, ISO-8601 UTC
  waitMinutes: z.number().nonnegative(),
});
export type WaitSample = z.infer<typeof WaitSample>;

/** GET /v1/sites/:id/wait-history: oldest first; minutes with no report are absent. */
export const WaitHistory = z.object({
  siteId: z.string(),
  samples: z.array(WaitSample),
});
export type WaitHistory = z.infer<typeof WaitHistory>;

export const SiteStatus = z.object({
  id: z.string(),
  name: LocalizedName,
  kind: SiteKind,
  region: z.string(),
  health: Health,
  openIncidents: SeverityCounts,
  waitMinutes: z.number().nullable(), // null until the site has reported
  queueLength: z.number().nullable(),
  arrivalsPerHour: z.number().nullable(),
  egates: z.object({ inService: z.number().int(), total: z.number().int() }),
  counters: z.object({ open: z.number().int(), total: z.number().int() }),
  staff: z.number().int(),
  reportedAt: z.string().nullable(),
});
export type SiteStatus = z.infer<typeof SiteStatus>;

export const PlatformStatus = z.object({
  id: z.string(),
  name: z.string(),
  health: Health,
});
export type PlatformStatus = z.infer<typeof PlatformStatus>;

export const FleetStatus = z.object({
  generatedAt: z.string(),
  sites: z.array(SiteStatus),
  platforms: z.array(PlatformStatus),
  totals: z.object({
    sites: z.number().int(),
    health: z.object({ ok: z.number().int(), degraded: z.number().int(), down: z.number().int() }),
    openIncidents: SeverityCounts,
    staff: z.number().int(),
  }),
});
export type FleetStatus = z.infer<typeof FleetStatus>;

export const SiteDetail = z.object({
  site: Site,
  status: SiteStatus,
  assets: z.array(Asset),
  incidents: z.array(Incident), // open ones
});
export type SiteDetail = z.infer<typeof SiteDetail>;

export const IncidentDetail = z.object({
  incident: Incident,
  timeline: z.array(TimelineEntry),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

// The public face of an API token; the secret is shown once, at creation.
export const TokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: ActorRef,
  channel: Channel,
  action: z.string(), // e.g. incident.ack, token.create
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.string() })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

// Events on GET /v1/events (server-sent events); `id` is monotonically
// increasing so a client can resume with Last-Event-ID.
export interface HubEvent<T = unknown> {
  id: number;
  type: HubEventType;
  at: string;
  data: T;
}

// ---- remote diagnostics (issue 3) -----------------------------------------

export const DiagVerdict = z.enum(DIAG_VERDICTS);
export type DiagVerdict = z.infer<typeof DiagVerdict>;

/**
 * What a probe showed is wrong. `remoteFix`: the catalog has a remote
 * remediation for it; `mitigated`: the service runs on in a degraded way and
 * nothing more can be done remotely (e.g. offline processing).
 */
export const Finding = z.object({
  code: z.string(), // card-reader-jam, management-unreachable, …
  text: z.string(),
  cause: z.enum(['software', 'hardware', 'field', 'upstream', 'management']),
  check: z.string().nullable(), // the device check behind it, if any
  detail: z.string().nullable(), // what the device said
  remoteFix: z.boolean(),
  mitigated: z.boolean(),
  partsLikely: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

/** A remediation as tried (or planned) on a device. */
export const DiagAction = z.object({
  action: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  disruptive: z.boolean(),
  // done/failed/not_applicable: the device's answer; planned: dry run or no --fix;
  // forbidden: the caller's role is too low; error: no answer (unreachable, timeout, …).
  status: z.enum(['done', 'failed', 'not_applicable', 'planned', 'forbidden', 'error']),
  replayed: z.boolean(),
  idempotencyKey: z.string().nullable(),
  message: z.string().nullable(),
  verified: z.boolean().nullable(), // null until a verification probe ran after it
});
export type DiagAction = z.infer<typeof DiagAction>;

const DiagEventBase = { at: z.string(), assetId: z.string() };

/** One line of the NDJSON stream of POST /v1/diagnostics/runs. */
export const DiagEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('probe'),
    ...DiagEventBase,
    probe: z.enum(['health', 'metrics']),
    ok: z.boolean(),
    status: Health.nullable(), // the device's own summary (health probe)
    durationMs: z.number().nullable(),
    error: z.string().nullable(), // transport error code when !ok
  }),
  z.object({ type: z.literal('finding'), ...DiagEventBase, finding: Finding }),
  z.object({ type: z.literal('action'), ...DiagEventBase, action: DiagAction }),
  z.object({
    type: z.literal('verify'),
    ...DiagEventBase,
    action: z.string(),
    passed: z.boolean(),
    status: Health.nullable(),
    remaining: z.array(z.string()), // finding codes still present
  }),
  z.object({
    type: z.literal('verdict'),
    ...DiagEventBase,
    siteId: z.string().nullable(),
    kind: AssetKind,
    verdict: DiagVerdict,
    summary: z.string(),
    incidentId: z.string().nullable(),
    dispatchId: z.string().nullable(),
    findings: z.array(Finding),
    actions: z.array(DiagAction),
  }),
  z.object({
    type: z.literal('error'),
    at: z.string(),
    assetId: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  }),
]);
export type DiagEvent = z.infer<typeof DiagEvent>;
export type DiagVerdictEvent = Extract<DiagEvent, { type: 'verdict' }>;

/** POST /v1/diagnostics/runs */
export const DiagnoseInput = z
  .object({
    target: z.string().trim().min(1).max(200), // site id, SITE/asset, or incident id
    fix: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    // The same requestId on a retried request makes every device action replay, never repeat.
    requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/).optional(),
  })
  .strict();
export type DiagnoseInput = z.input<typeof DiagnoseInput>;

/** POST /v1/diagnostics/sweeps */
export const SweepInput = z
  .object({
    site: z.string().trim().min(1).max(100).optional(),
    kind: AssetKind.optional(),
    fix: z.boolean().default(false),
    concurrency: z.number().int().min(1).max(256).default(32),
  })
  .strict();
export type SweepInput = z.input<typeof SweepInput>;

export const SweepResult = z.object({
  type: z.literal('result'),
  assetId: z.string(),
  siteId: z.string().nullable(),
  kind: AssetKind,
  verdict: DiagVerdict,
  findings: z.array(Finding),
  actions: z.array(DiagAction),
  incidentId: z.string().nullable(),
  dispatchId: z.string().nullable(),
});
export type SweepResult = z.infer<typeof SweepResult>;

export const SweepSummary = z.object({
  type: z.literal('summary'),
  assets: z.number().int(),
  healthy: z.number().int(),
  fixed: z.number().int(),
  mitigated: z.number().int(),
  dispatched: z.number().int(),
  unreachable: z.number().int(),
  planned: z.number().int(),
  wallMs: z.number(),
});
export type SweepSummary = z.infer<typeof SweepSummary>;

export const SweepEvent = z.discriminatedUnion('type', [SweepResult, SweepSummary]);
export type SweepEvent = z.infer<typeof SweepEvent>;

export const DispatchState = z.enum(DISPATCH_STATES);
export type DispatchState = z.infer<typeof DispatchState>;

export const DispatchPriority = z.enum(DISPATCH_PRIORITIES);
export type DispatchPriority = z.infer<typeof DispatchPriority>;

/** A work order for a technician: what was found and what was already tried remotely. */
export const Dispatch = z.object({
  id: z.string(), // DSP-000001
  incidentId: z.string(),
  siteId: z.string().nullable(),
  assetId: z.string(),
  findings: z.array(Finding),
  actionsTried: z.array(DiagAction),
  partsLikely: z.array(z.string()),
  priority: DispatchPriority,
  state: DispatchState,
  createdAt: z.string(),
  createdBy: ActorRef,
  closedAt: z.string().nullable(),
  closedBy: ActorRef.nullable(),
  note: z.string().nullable(),
});
export type Dispatch = z.infer<typeof Dispatch>;

export const DispatchesQuery = z.object({ state: DispatchState.optional(), site: z.string().trim().min(1).max(100).optional() }).strict();
export type DispatchesQuery = z.infer<typeof DispatchesQuery>;

export const CloseDispatchInput = z.object({ note: z.string().trim().min(1).max(10_000) }).strict();
export type CloseDispatchInput = z.infer<typeof CloseDispatchInput>;

/** GET /v1/kpi/remote: how device incidents since `since` ended. Rates and times are null without data. */
export const RemoteKpi = z.object({
  since: z.string(),
  until: z.string(),
  incidents: z.number().int(), // device incidents opened in the window
  fixedRemotely: z.number().int(),
  mitigatedRemotely: z.number().int(),
  dispatched: z.number().int(),
  // (fixed + mitigated) / (fixed + mitigated + dispatched)
  remoteResolutionRate: z.number().nullable(),
  medianSecondsToFix: z.number().nullable(),
  p95SecondsToVerdict: z.number().nullable(),
});
export type RemoteKpi = z.infer<typeof RemoteKpi>;

// ---- chat cards (issue 4) ---------------------------------------------------

/**
 * The one chat message that shows an incident in one place (a Slack channel,
 * a Teams conversation). Bots claim it through the hub before posting, so two
 * bot instances never post the same incident twice.
 */
export const ChatCard = z.object({
  incidentId: z.string(),
  /** Where the card lives, e.g. `slack:C0123ABCD`. */
  target: z.string(),
  /** The posted message (Slack: its ts); null until the claimer has posted. */
  messageRef: z.string().nullable(),
  /** Who holds the claim: the claimant the bot named, or its token's id. */
  claimedBy: z.string(),
  claimedAt: z.string(),
  updatedAt: z.string(),
});
export type ChatCard = z.infer<typeof ChatCard>;

const cardField = (max: number) => z.string().trim().min(1).max(max);

/** POST /v1/cards/claim. `claimant` names a bot instance, so its own retry of a claim still wins. */
export const ClaimCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), claimant: cardField(200).optional() })
  .strict();
export type ClaimCardInput = z.input<typeof ClaimCardInput>;

/** POST /v1/cards/record: the claimer posted the card; this is its message. */
export const RecordCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), messageRef: cardField(200) })
  .strict();
export type RecordCardInput = z.input<typeof RecordCardInput>;

/** GET /v1/cards */
export const CardsQuery = z.object({ incidentId: cardField(200).optional(), target: cardField(200).optional() }).strict();
export type CardsQuery = z.input<typeof CardsQuery>;

export interface ClaimCardResult {
  /** true: the caller holds the claim and should post; false: someone else has (or will have) posted. */
  claimed: boolean;
  card: ChatCard;
}
