// Drills on the wire: the scorecard a drill leaves when it ends (each step
// against its target, time to first action and to recovery, one overall
// figure) and the list a team reads to see its scores improve. A scorecard is
// stored once, from the definition the run froze, so later edits of the
// playbook never rewrite a past score. Its times are on the drill's clock:
// the demo world's (`hub start --demo --speed N` runs N world seconds a real
// second), stated in `clock`, so "10m" means ten minutes of the drill's world.
import type { BilingualText, PlaybookStepType } from './playbooks.js';
import type { RunStatus } from '../vocabulary.js';

/** How a step of a drill went against its target. */
export type StepVerdict =
  /** done by its `within` */
  | 'on-time'
  /** done, after its `within` */
  | 'late'
  /** not done: failed, timed out, or left behind by a run that did not succeed */
  | 'missed'
  /** done, and it had no target */
  | 'done'
  /** never reached in a run that succeeded: a branch went around it */
  | 'not-needed'
  /** the run is still going and has not reached it */
  | 'pending';

export interface DrillClock {
  /** World milliseconds per real millisecond: the demo world's speed when the drill started (1: real time). */
  speed: number;
  /** In words, for people: "demo world ×60 (a real second is a minute)". */
  label: string;
}

export interface ScoredStep {
  stepId: string;
  type: PlaybookStepType;
  title: BilingualText;
  milestone: boolean;
  /** Its `within` as the file wrote it (from the drill's start), or null. */
  within: string | null;
  /** When it was done, ms after the drill started, on the drill's clock; null if it was not. */
  doneAtMs: number | null;
  /** From its first attempt's start to its last attempt's end, ms on the drill's clock; null while unfinished. */
  tookMs: number | null;
  attempts: number;
  verdict: StepVerdict;
  /** Why it was missed (the last error), or null. */
  why: string | null;
}

/** One of the drill's figures against its target. */
export interface TimedTarget {
  /** The target as the file wrote it, or null when the playbook sets none. */
  target: string | null;
  /** What it took on the drill's clock, ms; null when it never happened. */
  ms: number | null;
  /** null without a target, or when it never happened in a run still going. */
  met: boolean | null;
}

export interface DrillScorecard {
  runId: string;
  playbookId: string;
  playbookVersion: number;
  playbookHash: string;
  title: BilingualText;
  /** The run's status when scored (a stored scorecard: how it ended). */
  status: RunStatus;
  startedAt: string;
  endedAt: string | null;
  clock: DrillClock;
  /** The first step done by people or the hub that is not the drill's own fault, a wait or a branch. */
  firstAction: TimedTarget & { stepId: string | null };
  /** When the last milestone was done in a run that succeeded (the run's end if it has none). */
  recovery: TimedTarget;
  steps: ScoredStep[];
  onTime: number;
  late: number;
  missed: number;
  /** Targets met out of targets set (each step's within, first action, recovery), as a percentage; null without targets. */
  score: number | null;
  targetsMet: number;
  targetsSet: number;
}

/** A drill as `drill list` shows it. */
export interface DrillSummary {
  runId: string;
  playbookId: string;
  playbookVersion: number;
  status: RunStatus;
  startedAt: string;
  endedAt: string | null;
  clock: DrillClock;
  score: number | null;
  onTime: number;
  late: number;
  missed: number;
  firstActionMs: number | null;
  recoveryMs: number | null;
}
