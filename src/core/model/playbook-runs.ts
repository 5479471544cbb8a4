// Playbook runs on the wire: what the hub's durable runner keeps of a run (the
// definition it froze at start, who started it through which channel, each
// step attempt with its timings and actor, approvals, checklist ticks, notes)
// and the requests that start and steer one. The CLI, and later chat, the
// watch UI and drill reports, all read these shapes; the hub validates the
// requests with the schemas below.
import { z } from 'zod';
import type { RunStatus, RunWait, StepAttemptStatus } from '../vocabulary.js';
import type { ActorRef } from './actors.js';
import type { BilingualText, PlaybookDefinition, PlaybookStepType, SiteMode } from './playbooks.js';
import type { Channel } from './vocabulary-schemas.js';

export type InputValue = string | number | boolean;

/** A run as listed: enough to show it in a table and follow it. */
export interface PlaybookRun {
  id: string; // RUN-000001
  playbookId: string;
  playbookVersion: number;
  /** sha256 of the definition the run froze at start (the catalogue's hash then). */
  playbookHash: string;
  title: BilingualText;
  status: RunStatus;
  /** What a waiting run waits for; null unless waiting. */
  waitingOn: RunWait | null;
  /** Why it is paused, failed or waiting, in words; null when there is nothing to say. */
  reason: string | null;
  /** The step the run is at (null once it ended on its last step). */
  currentStep: string | null;
  inputs: Record<string, InputValue>;
  incidentId: string | null;
  siteId: string | null;
  /** A drill: inject steps run, and everything it does is marked as a drill. */
  drill: boolean;
  /**
   * The clock a drill runs on: the demo world's speed when it started (world
   * seconds per real second; 1 is real time). Its waits, timeouts and retry
   * delays pass that much faster, and its scorecard is on that clock. Null
   * unless a drill.
   */
  drillSpeed: number | null;
  startedBy: ActorRef;
  channel: Channel;
  startedAt: string;
  updatedAt: string;
  endedAt: string | null;
}

/** One try of one step. */
export interface StepAttempt {
  stepId: string;
  attempt: number;
  status: StepAttemptStatus;
  /** What the step did or found (a device's outcome, the branch taken, who approved), or null. */
  output: Record<string, unknown> | null;
  error: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Who it acted for, or who finished it (the last approver, the last to tick a checklist, who retried it). */
  actor: ActorRef;
  channel: Channel;
  /** The key its effect reached the device with (remediate, diagnose); null for steps kept in the store. */
  idempotencyKey: string | null;
  /** How many times the runner ran it again after taking the run over from a hub that stopped. */
  recoveries: number;
  /** Milliseconds the runner itself spent on it (journal writes, events), apart from the step's own work. */
  runnerMs: number | null;
}

/** A step of the frozen definition, with its attempts so far. */
export interface RunStep {
  id: string;
  type: PlaybookStepType;
  title: BilingualText;
  /** The status of its latest attempt; `pending` before the first. */
  status: StepAttemptStatus | 'pending';
  attempts: StepAttempt[];
}

export interface RunApproval {
  stepId: string;
  attempt: number;
  decision: 'approved' | 'rejected';
  actor: ActorRef;
  channel: Channel;
  at: string;
  reason: string | null;
}

export interface ChecklistTick {
  stepId: string;
  attempt: number;
  /** 1-based, as the playbook lists them. */
  item: number;
  actor: ActorRef;
  channel: Channel;
  at: string;
}

export interface RunNote {
  at: string;
  actor: ActorRef;
  channel: Channel;
  text: string;
}

/** A message a notify step left for the chat bot to post (to a channel, or to everyone of a role). */
export interface RunNotification {
  id: number;
  runId: string;
  stepId: string;
  attempt: number;
  channel: string | null;
  role: string | null;
  message: BilingualText;
  drill: boolean;
  createdAt: string;
}

export interface PlaybookRunDetail {
  run: PlaybookRun;
  /** The definition as frozen at start: the file may have changed since. */
  definition: PlaybookDefinition;
  steps: RunStep[];
  approvals: RunApproval[];
  checklist: ChecklistTick[];
  notes: RunNote[];
  notifications: RunNotification[];
}

/** One step of a dry run: what it would do, its targets resolved. */
export interface PlannedStep {
  id: string;
  type: PlaybookStepType;
  title: BilingualText;
  /** In words, with the inputs filled in: "failover-link on AHS/link-primary". */
  does: string;
  /** Why it would not run (an inject step outside a drill), or null. */
  skipped: string | null;
}

export interface RunPlan {
  playbookId: string;
  playbookVersion: number;
  playbookHash: string;
  title: BilingualText;
  inputs: Record<string, InputValue>;
  incidentId: string | null;
  siteId: string | null;
  drill: boolean;
  steps: PlannedStep[];
}

/** A site's mode, or the fleet's (siteId "fleet"), as a set-mode step left it. */
export interface SiteModeRecord {
  siteId: string;
  mode: SiteMode;
  since: string;
  setBy: ActorRef;
  /** The run whose step set it, if one did. */
  runId: string | null;
  drill: boolean;
}

/** What a change to a run answers: the run as it now is. */
export interface RunChange {
  run: PlaybookRun;
  changed: boolean;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const Name = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

export const StartRunInput = z
  .object({
    playbook: Name,
    site: text(100).optional(),
    incident: text(100).optional(),
    inputs: z.record(Name, z.union([z.string().max(1_000), z.number(), z.boolean()])).optional(),
    drill: z.boolean().optional(),
    dryRun: z.boolean().optional(),
  })
  .strict();
export type StartRunInput = z.infer<typeof StartRunInput>;

export const RunsQuery = z
  .object({
    state: z.enum(['running', 'waiting', 'paused', 'succeeded', 'failed', 'aborted', 'active']).optional(),
    playbook: Name.optional(),
    limit: z.coerce.number().int().min(1).max(1_000).optional(),
  })
  .strict();
export type RunsQuery = z.infer<typeof RunsQuery>;

export const RunReasonInput = z.object({ reason: text(2_000).optional() }).strict();
export const RunStepInput = z.object({ step: Name.optional(), reason: text(2_000).optional() }).strict();
export const RetryStepInput = z.object({ step: Name }).strict();
export const RunNoteInput = z.object({ text: text(10_000) }).strict();
export const ConfirmItemsInput = z.object({ step: Name.optional(), items: z.array(z.number().int().min(1).max(200)).min(1).max(200) }).strict();
export const ResumeRunInput = z.object({}).strict();
