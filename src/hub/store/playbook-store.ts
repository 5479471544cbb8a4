// The playbook runner's journal in the store: run rows (with the definition
// frozen at start and the lease that says which hub drives the run), one row
// per step attempt, the people's approvals and checklist ticks, notes, the
// notify steps' messages for the chat bot, timers, and the modes set-mode
// steps leave on sites. Every write runs in the caller's transaction, with the
// events and audit rows that go with it; a backend with several writers reads
// the run row FOR UPDATE before it writes, so the fence check holds.
import type {
  ActorRef,
  ChecklistTick,
  PlaybookDefinition,
  PlaybookRun,
  RunApproval,
  RunNote,
  RunNotification,
  RunStatus,
  RunWait,
  SiteModeRecord,
  StepAttempt,
  TokenRole,
} from '../../core/model.js';

/** A run as the runner reads it: the wire shape and what only the hub keeps. */
export interface RunRecord extends PlaybookRun {
  definition: PlaybookDefinition;
  /** The attempt number the step at `currentStep` runs next (or is running). */
  cursorAttempt: number;
  /** The starter's role when it started: what the run's own effects act with. */
  startedByRole: TokenRole;
  /** Who asked for the next attempt (a person retrying a step), with their role; null: it acts for the starter. */
  requestedBy: (ActorRef & { role: TokenRole }) | null;
  owner: string | null;
  leaseExpiresAt: number | null;
  fence: number;
}

export type NewRun = Omit<RunRecord, 'id' | 'owner' | 'leaseExpiresAt' | 'fence' | 'endedAt' | 'updatedAt' | 'requestedBy'>;

/** What a write may change on a run row. */
export interface RunPatch {
  status?: RunStatus;
  waitingOn?: RunWait | null;
  reason?: string | null;
  currentStep?: string | null;
  cursorAttempt?: number;
  endedAt?: string | null;
  requestedBy?: (ActorRef & { role: TokenRole }) | null;
  updatedAt: string;
}

export interface RunQuery {
  /** `active`: running, waiting or paused. */
  status?: RunStatus | 'active' | undefined;
  playbookId?: string | undefined;
  limit?: number | undefined;
}

export type AttemptPatch = Partial<Pick<StepAttempt, 'status' | 'output' | 'error' | 'endedAt' | 'actor' | 'channel' | 'recoveries' | 'runnerMs'>>;

export type TimerKind = 'wake' | 'retry' | 'timeout';

export interface RunTimer {
  id: number;
  runId: string;
  stepId: string;
  attempt: number;
  kind: TimerKind;
  dueAt: number;
}

/** A run the runner may have to drive: not ended, with who holds it. */
export interface RunLeaseState {
  id: string;
  status: RunStatus;
  owner: string | null;
  leaseExpiresAt: number | null;
}

export interface NewNotification extends Omit<RunNotification, 'id'> {}

export interface PlaybookReader {
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(query?: RunQuery): Promise<PlaybookRun[]>;
  /** In the order they started. */
  listAttempts(runId: string): Promise<StepAttempt[]>;
  listApprovals(runId: string): Promise<RunApproval[]>;
  listChecklist(runId: string): Promise<ChecklistTick[]>;
  listRunNotes(runId: string): Promise<RunNote[]>;
  listNotifications(runId: string): Promise<RunNotification[]>;
  listTimers(runId: string): Promise<RunTimer[]>;
  /** Runs with a timer due by `nowMs`, and the runs the runner may have to pick up (running, or waiting with a lapsed owner). */
  listRunsToDrive(nowMs: number): Promise<RunLeaseState[]>;
  /** When the soonest timer of any run is due, if there is one. */
  nextTimerDue(): Promise<number | undefined>;
  /** The sites (and the fleet, as `fleet`) not in normal mode. */
  listSiteModes(): Promise<SiteModeRecord[]>;
}

export interface PlaybookWriter {
  /** Allocates the next RUN-nnnnnn id. */
  insertRun(run: NewRun): Promise<RunRecord>;
  updateRun(id: string, patch: RunPatch): Promise<void>;
  /**
   * Takes the run's lease for `owner` if nobody holds it, it lapsed, or it is
   * held by `takeOverFrom` (a holder known dead); bumps the fence. Returns the
   * new fence, or undefined if another holds it.
   */
  claimRun(id: string, owner: string, nowMs: number, ttlMs: number, takeOverFrom?: string): Promise<number | undefined>;
  /** Extends the lease while `fence` is still the run's; false once another took it. */
  renewRun(id: string, owner: string, fence: number, nowMs: number, ttlMs: number): Promise<boolean>;
  releaseRun(id: string, owner: string, fence: number): Promise<void>;

  insertAttempt(runId: string, attempt: Omit<StepAttempt, 'recoveries' | 'runnerMs'>): Promise<void>;
  updateAttempt(runId: string, stepId: string, attempt: number, patch: AttemptPatch): Promise<void>;
  /** False if this person already decided on this attempt of the step. */
  insertApproval(runId: string, approval: RunApproval): Promise<boolean>;
  /** False if the item was already ticked. */
  insertChecklistTick(runId: string, tick: ChecklistTick): Promise<boolean>;
  insertRunNote(runId: string, note: RunNote): Promise<void>;
  /** One per step attempt: undefined if that attempt already left its message. */
  insertNotification(notification: NewNotification): Promise<RunNotification | undefined>;
  /** A timer of a kind per step attempt: a second one moves it. */
  setTimer(timer: Omit<RunTimer, 'id'>): Promise<void>;
  /** Removes the run's timers (of one step attempt, or of one kind there). */
  clearTimers(runId: string, which?: { stepId: string; attempt: number; kind?: TimerKind }): Promise<void>;

  /** `normal` removes the row: a site without one is in normal mode. */
  setSiteMode(record: SiteModeRecord): Promise<void>;
}

