// Row ↔ domain mapping of the playbook runner's tables (migration 14): the
// column names stay here, out of the statements.
import type {
  ChecklistTick,
  InputValue,
  PlaybookDefinition,
  PlaybookRun,
  RunApproval,
  RunNote,
  RunNotification,
  RunStatus,
  RunWait,
  SiteMode,
  SiteModeRecord,
  StepAttempt,
  StepAttemptStatus,
  Channel,
  TokenRole,
} from '../../../core/model.js';
import type { RunRecord } from '../playbook-store.js';

export interface RunRow {
  seq: number;
  id: string;
  playbook_id: string;
  playbook_version: number;
  playbook_hash: string;
  definition: string;
  inputs: string;
  status: string;
  waiting_on: string | null;
  reason: string | null;
  cursor: string | null;
  cursor_attempt: number;
  incident_id: string | null;
  site_id: string | null;
  drill: number;
  drill_speed: number | null;
  started_by_id: string;
  started_by: string;
  started_by_role: string;
  channel: string;
  requested_by_id: string | null;
  requested_by: string | null;
  requested_by_role: string | null;
  started_at: string;
  updated_at: string;
  ended_at: string | null;
  owner: string | null;
  lease_expires_at: number | null;
  fence: number;
}

/** The listed shape: the definition is parsed only for its title. */
export function runFromRow(r: RunRow, definition: PlaybookDefinition = JSON.parse(r.definition) as PlaybookDefinition): PlaybookRun {
  return {
    id: r.id,
    playbookId: r.playbook_id,
    playbookVersion: r.playbook_version,
    playbookHash: r.playbook_hash,
    title: definition.title,
    status: r.status as RunStatus,
    waitingOn: r.waiting_on as RunWait | null,
    reason: r.reason,
    currentStep: r.cursor,
    inputs: JSON.parse(r.inputs) as Record<string, InputValue>,
    incidentId: r.incident_id,
    siteId: r.site_id,
    drill: r.drill === 1,
    drillSpeed: r.drill_speed,
    startedBy: { id: r.started_by_id, name: r.started_by },
    channel: r.channel as Channel,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
  };
}

export function runRecordFromRow(r: RunRow): RunRecord {
  const definition = JSON.parse(r.definition) as PlaybookDefinition;
  return {
    ...runFromRow(r, definition),
    definition,
    cursorAttempt: r.cursor_attempt,
    startedByRole: r.started_by_role as TokenRole,
    requestedBy: r.requested_by_id === null ? null : { id: r.requested_by_id, name: r.requested_by!, role: r.requested_by_role as TokenRole },
    owner: r.owner,
    leaseExpiresAt: r.lease_expires_at,
    fence: r.fence,
  };
}

export interface AttemptRow {
  run_id: string;
  step_id: string;
  attempt: number;
  status: string;
  output: string | null;
  error: string | null;
  started_at: string;
  ended_at: string | null;
  actor_id: string;
  actor_name: string;
  channel: string;
  idempotency_key: string | null;
  recoveries: number;
  runner_ms: number | null;
}

export const attemptFromRow = (r: AttemptRow): StepAttempt => ({
  stepId: r.step_id,
  attempt: r.attempt,
  status: r.status as StepAttemptStatus,
  output: r.output === null ? null : (JSON.parse(r.output) as Record<string, unknown>),
  error: r.error,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  actor: { id: r.actor_id, name: r.actor_name },
  channel: r.channel as Channel,
  idempotencyKey: r.idempotency_key,
  recoveries: r.recoveries,
  runnerMs: r.runner_ms,
});

export interface ApprovalRow {
  step_id: string;
  attempt: number;
  actor_id: string;
  actor_name: string;
  channel: string;
  decision: string;
  reason: string | null;
  at: string;
}

export const approvalFromRow = (r: ApprovalRow): RunApproval => ({
  stepId: r.step_id,
  attempt: r.attempt,
  decision: r.decision as RunApproval['decision'],
  actor: { id: r.actor_id, name: r.actor_name },
  channel: r.channel as Channel,
  at: r.at,
  reason: r.reason,
});

export interface TickRow {
  step_id: string;
  attempt: number;
  item: number;
  actor_id: string;
  actor_name: string;
  channel: string;
  at: string;
}

export const tickFromRow = (r: TickRow): ChecklistTick => ({
  stepId: r.step_id,
  attempt: r.attempt,
  item: r.item,
  actor: { id: r.actor_id, name: r.actor_name },
  channel: r.channel as Channel,
  at: r.at,
});

export interface NoteRow {
  at: string;
  actor_id: string;
  actor_name: string;
  channel: string;
  text: string;
}

export const noteFromRow = (r: NoteRow): RunNote => ({ at: r.at, actor: { id: r.actor_id, name: r.actor_name }, channel: r.channel as Channel, text: r.text });

export interface NotificationRow {
  id: number;
  run_id: string;
  step_id: string;
  attempt: number;
  channel: string | null;
  role: string | null;
  message_en: string;
  message_ar: string;
  drill: number;
  created_at: string;
}

export const notificationFromRow = (r: NotificationRow): RunNotification => ({
  id: r.id,
  runId: r.run_id,
  stepId: r.step_id,
  attempt: r.attempt,
  channel: r.channel,
  role: r.role,
  message: { en: r.message_en, ar: r.message_ar },
  drill: r.drill === 1,
  createdAt: r.created_at,
});

export interface SiteModeRow {
  site_id: string;
  mode: string;
  since: string;
  set_by_id: string;
  set_by: string;
  run_id: string | null;
  drill: number;
}

export const siteModeFromRow = (r: SiteModeRow): SiteModeRecord => ({
  siteId: r.site_id,
  mode: r.mode as SiteMode,
  since: r.since,
  setBy: { id: r.set_by_id, name: r.set_by },
  runId: r.run_id,
  drill: r.drill === 1,
});
