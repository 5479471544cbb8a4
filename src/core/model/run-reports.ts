// The after-action report of a playbook run, as data: what `playbook report`
// prints as Markdown and, with --json, as this shape (docs/json.md). Built
// from the run's journal for any run — drill or not, ended or still going
// (`ended` says which) — by core/run-report.ts.
import type { ActorRef } from './actors.js';
import type { BilingualText } from './playbooks.js';
import type { RunStatus } from '../vocabulary.js';
import type { DrillClock, ScoredStep, TimedTarget } from './drills.js';

export type ReportEventKind = 'run' | 'step' | 'approval' | 'checklist' | 'note' | 'mode' | 'notification';

export interface ReportEvent {
  at: string;
  kind: ReportEventKind;
  /** The step it belongs to, or null (the run's start and end, notes). */
  stepId: string | null;
  /** In words, with the outside text as it was (renderers make it inert). */
  what: string;
  actor: ActorRef | null;
  channel: string | null;
}

/** One person (or the runner acting for them) and what they did, through which channels. */
export interface ReportPerson {
  actor: ActorRef;
  channels: string[];
  did: string[];
}

export interface ReportFailure {
  stepId: string;
  attempt: number;
  at: string;
  error: string;
  /** Tried again after it (a retry, or a person's). */
  retried: boolean;
}

export interface RunReport {
  runId: string;
  playbookId: string;
  playbookVersion: number;
  title: BilingualText;
  status: RunStatus;
  /** False while the run is still going: the report is of what happened so far. */
  ended: boolean;
  drill: boolean;
  clock: DrillClock;
  startedAt: string;
  endedAt: string | null;
  startedBy: ActorRef;
  channel: string;
  incidentId: string | null;
  siteId: string | null;
  timeline: ReportEvent[];
  people: ReportPerson[];
  /** Each step against its target, on the run's clock. */
  steps: ScoredStep[];
  firstAction: TimedTarget & { stepId: string | null };
  recovery: TimedTarget;
  score: number | null;
  failures: ReportFailure[];
  /** Steps tried more than once, with how many attempts. */
  retried: { stepId: string; attempts: number }[];
  /** The notes taken during the run, in order: the lessons to draw. */
  lessons: { at: string; actor: ActorRef; channel: string; text: string }[];
}
