// The fixed vocabularies of the domain, as plain constants: the CLI uses them
// to validate options without loading zod (see model.ts for the schemas).

export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof SEVERITIES)[number];

// `dispatched` is reserved for remote diagnostics: a technician was sent.
export const INCIDENT_STATES = ['triggered', 'acknowledged', 'dispatched', 'resolved'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

// tui: the watch UI. auto: a playbook run the hub started on its own (auto-runs); no client may claim it.
export const CHANNELS = ['cli', 'slack', 'teams', 'api', 'system', 'tui', 'auto'] as const;
export type Channel = (typeof CHANNELS)[number];

// People's roles, ordered from least to most privileged; each role can do all the roles below it can.
export const ROLES = ['viewer', 'officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// What a token may hold: a person's role, or `intake` — a machine (Alertmanager,
// the demo simulator) that feeds alerts and telemetry and may do nothing else.
// It is outside the ranks above: intake writes open, raise and clear incidents,
// so no person's token may make them, and an intake token may make nothing else.
export const TOKEN_ROLES = [...ROLES, 'intake'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

// contact-centre: a phone line (the 992 line), with inquiries for arrivals, callers waiting for its queue and an AI voice agent for its self-service lane.
export const SITE_KINDS = ['air', 'land', 'sea', 'service-centre', 'contact-centre'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const HEALTHS = ['ok', 'degraded', 'down'] as const;
export type Health = (typeof HEALTHS)[number];

export const ASSET_KINDS = [
  'egate',
  'counter',
  'passport-reader',
  'biometric-kiosk',
  'kiosk',
  'cctv',
  'bodycam',
  'network-link',
  'server',
  'integration',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const TIMELINE_KINDS = [
  'triggered',
  'alert-updated',
  'alert-resolved',
  'acknowledged',
  'assigned',
  'note',
  'escalated',
  'dispatched',
  'resolved',
  // Remote diagnostics: what a probe showed, what an action did.
  'probe',
  'action',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

// audit.checkpoint: a signed head of the audit chain, for followers to keep a copy of.
// playbook.proposed: an incident opened that a playbook's triggers match. playbook.run / playbook.step: a run's
// status and each step attempt as they change; playbook.notification: a message a notify step left for the chat
// bot to post; site.mode: a site (or the fleet) switched mode; playbook.auto: an admin turned auto-runs on or off.
// silence.changed: a silence or maintenance window was added, or expired by hand (never when it ends by its time).
// handover.issued / handover.accepted: a shift handover was issued (with where to post it, if anywhere) or taken over.
export const EVENT_TYPES = [
  'incident.created', 'incident.updated', 'site.telemetry', 'asset.health', 'audit.checkpoint',
  'playbook.proposed', 'playbook.run', 'playbook.step', 'playbook.notification', 'site.mode', 'playbook.auto', 'drill.scored',
  'silence.changed', 'handover.issued', 'handover.accepted',
] as const;
export type HubEventType = (typeof EVENT_TYPES)[number];

// What let someone who assigned an incident resolve it themselves; only an
// assignment made with one of these hands resolving over to the assignee.
export const ASSIGNER_AUTHORITIES = ['supervisor', 'acknowledger', 'assignee'] as const;
export type AssignerAuthority = (typeof ASSIGNER_AUTHORITIES)[number];

// A token this close to its expiry is flagged: the hub says so on every answer
// (x-watchfloor-token-expires), the CLI warns, and `tokens list` marks it.
export const TOKEN_EXPIRY_WARNING_MS = 7 * 86_400_000;
/** Whether an expiry is within the warning (past ones too). */
export const expiryNear = (expiresAt: string, now: Date): boolean => Date.parse(expiresAt) - now.getTime() <= TOKEN_EXPIRY_WARNING_MS;

export const ROLE_RANK: Record<Role, number> = { viewer: 0, officer: 1, supervisor: 2, admin: 3 };
/** Whether `role` may do what `needed` may; an intake token never may what a person does. */
export function roleAtLeast(role: TokenRole, needed: Role): boolean {
  return role !== 'intake' && ROLE_RANK[role] >= ROLE_RANK[needed];
}

// Remote diagnostics: how a run on one asset ended. healthy: nothing wrong;
// fixed: a remediation was verified; mitigated: service continues degraded
// (e.g. offline processing); dispatched: a technician was sent; unreachable:
// the device could not be probed (and nothing was dispatched, without fix);
// planned: a dry run or a run without fix, nothing was changed.
export const DIAG_VERDICTS = ['healthy', 'fixed', 'mitigated', 'dispatched', 'unreachable', 'planned'] as const;
export type DiagVerdict = (typeof DIAG_VERDICTS)[number];

export const DISPATCH_STATES = ['open', 'closed'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];

export const DISPATCH_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type DispatchPriority = (typeof DISPATCH_PRIORITIES)[number];

// Wait history: the hub keeps a day of one-a-minute samples per site; a
// caller asks for the last `default` minutes unless it says otherwise.
export const WAIT_HISTORY_MINUTES = { default: 60, max: 24 * 60 } as const;

// A site's wait target: the MEAN wait in minutes — what sites report as
// waitMinutes and what playbook conditions (siteWait) compare — that counts
// as a breach when exceeded. Half an hour, where the surge playbook stands
// down. One figure for every site until the inventory carries a per-site one.
export const WAIT_TARGET_MINUTES = 30;
// `forecast SITE --hours N`: a week ahead at most (the model's longest season).
export const FORECAST_HOURS = { default: 24, max: 168 } as const;
// How a site's arrivals forecast was made, from the history it had (hub/forecast/arrivals-model.ts); none: no history.
export const FORECAST_METHODS = ['double-seasonal', 'daily-seasonal', 'flat', 'none'] as const;

/** The early warnings' window (`forecast --breaches --hours N`, GET /v1/forecast/breaches?hours=N), hours ahead. */
export const BREACH_HOURS = { default: 6, max: 48 } as const;

/**
 * A chat card's claim is a lease its holder renews while it is still trying
 * to post: this long unless the claimer asks for another, within min and max.
 */
export const CARD_LEASE_MS = { default: 30_000, min: 1_000, max: 300_000 } as const;
// A playbook run as the durable runner keeps it. running: a step is being worked on; waiting: for a timer, a
// condition on live data or a person (an approval, a checklist); paused: a person paused it, or the runner did
// and says why (a failure routed to pause, a step whose effect it cannot tell after a crash); the rest are ends.
export const RUN_STATUSES = ['running', 'waiting', 'paused', 'succeeded', 'failed', 'aborted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const ENDED_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'aborted'];

// One try of one step: started (in progress: working, or waiting for its timer, condition or people), then done,
// failed or skipped (an inject step of a run that is not a drill; a step a person resumed past).
export const STEP_ATTEMPT_STATUSES = ['started', 'done', 'failed', 'skipped'] as const;
export type StepAttemptStatus = (typeof STEP_ATTEMPT_STATUSES)[number];

// What a waiting run waits for: a person (approval, checklist), or the hub (time, a condition, a retry's delay).
export const RUN_WAITS = ['approval', 'checklist', 'time', 'condition', 'retry'] as const;
export type RunWait = (typeof RUN_WAITS)[number];
/** Waits only a person ends: `playbook run` stops following there. */
export const PERSON_WAITS: readonly RunWait[] = ['approval', 'checklist'];

// The KPIs `watchfloor kpi` shows, in the order its summary lists them.
export const KPI_KINDS = ['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre', 'remote'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];
// Which way a KPI improves.
export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

// Where a traveller answered a satisfaction survey.
export const SURVEY_CHANNELS = ['kiosk', 'app', 'sms', 'web', 'call'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];
