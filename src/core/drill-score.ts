// Scoring a drill: each step of the frozen definition against its `within`,
// time to first action and to recovery against the playbook's targets, and
// one overall figure — the share of the targets set that were met. A pure
// function of the run and its step attempts, so the hub stores what it
// computes when a drill ends, and an after-action report of any run (drill or
// not, ended or going) measures its steps with the same rule.
import type { DrillClock, DrillScorecard, PlaybookDefinition, PlaybookRun, ScoredStep, StepAttempt, StepVerdict, TimedTarget } from './model.js';
import { spanMs } from './time-input.js';
import { ENDED_RUN_STATUSES } from './vocabulary.js';

/** What a scorecard is computed from: the run, its frozen definition and its attempts. */
export interface ScoredRun {
  run: PlaybookRun;
  definition: PlaybookDefinition;
  attempts: readonly StepAttempt[];
}

// Steps that are not the team's response: the drill's own fault, and the steps that only steer.
const NOT_AN_ACTION = new Set(['inject', 'wait', 'branch']);

export function drillClock(speed: number | null | undefined): DrillClock {
  const s = speed && speed > 0 ? speed : 1;
  if (s === 1) return { speed: 1, label: 'real time' };
  const second = s === 60 ? 'a minute' : s === 3600 ? 'an hour' : `${s} s`;
  return { speed: s, label: `demo world ×${s} (a real second is ${second})` };
}

function timed(target: string | undefined, ms: number | null, settled: boolean): TimedTarget {
  const targetMs = target === undefined ? undefined : spanMs(target);
  return {
    target: target ?? null,
    ms,
    met: targetMs === undefined ? null : ms !== null ? ms <= targetMs : settled ? false : null,
  };
}

export function scoreRun({ run, definition, attempts }: ScoredRun): DrillScorecard {
  const clock = drillClock(run.drillSpeed);
  const t0 = Date.parse(run.startedAt);
  const onClock = (iso: string) => Math.max(0, Math.round((Date.parse(iso) - t0) * clock.speed));
  const ended = ENDED_RUN_STATUSES.includes(run.status);
  const succeeded = run.status === 'succeeded';

  const steps: ScoredStep[] = definition.steps.map((step) => {
    const mine = attempts.filter((a) => a.stepId === step.id).sort((a, b) => a.attempt - b.attempt);
    const last = mine.at(-1);
    const doneAtMs = last?.status === 'done' && last.endedAt ? onClock(last.endedAt) : null;
    const tookMs = last?.endedAt && mine[0] ? Math.round((Date.parse(last.endedAt) - Date.parse(mine[0].startedAt)) * clock.speed) : null;
    const withinMs = step.within === undefined ? undefined : spanMs(step.within);
    let verdict: StepVerdict;
    let why: string | null = null;
    if (doneAtMs !== null) verdict = withinMs === undefined ? 'done' : doneAtMs <= withinMs ? 'on-time' : 'late';
    else if (last && last.status !== 'started') {
      verdict = 'missed';
      why = last.error ?? (last.status === 'skipped' ? 'skipped' : null);
    } else if (!ended) verdict = 'pending';
    else if (succeeded && !last) verdict = 'not-needed';
    else {
      verdict = 'missed';
      why = `the run ended ${run.status} before it was done`;
    }
    return { stepId: step.id, type: step.type, title: step.title, milestone: step.milestone === true, within: step.within ?? null, doneAtMs, tookMs, attempts: mine.length, verdict, why };
  });

  const actions = steps.filter((s) => !NOT_AN_ACTION.has(s.type) && s.doneAtMs !== null).sort((a, b) => a.doneAtMs! - b.doneAtMs!);
  const first = actions[0];
  const milestones = steps.filter((s) => s.milestone && s.doneAtMs !== null);
  const recoveredAt = !succeeded ? null : milestones.length ? Math.max(...milestones.map((s) => s.doneAtMs!)) : run.endedAt ? onClock(run.endedAt) : null;
  const firstAction = { ...timed(definition.targets.firstAction, first?.doneAtMs ?? null, ended), stepId: first?.stepId ?? null };
  const recovery = timed(definition.targets.recovery, recoveredAt, ended);

  const count = (v: StepVerdict) => steps.filter((s) => s.verdict === v).length;
  const judged = [...steps.filter((s) => s.within !== null && s.verdict !== 'not-needed' && s.verdict !== 'pending').map((s) => s.verdict === 'on-time'), firstAction.met, recovery.met].filter(
    (m): m is boolean => m !== null,
  );
  const targetsMet = judged.filter(Boolean).length;
  return {
    runId: run.id,
    playbookId: run.playbookId,
    playbookVersion: run.playbookVersion,
    playbookHash: run.playbookHash,
    title: run.title,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    clock,
    firstAction,
    recovery,
    steps,
    onTime: count('on-time'),
    late: count('late'),
    missed: count('missed'),
    score: judged.length ? Math.round((100 * targetsMet) / judged.length) : null,
    targetsMet,
    targetsSet: judged.length,
  };
}
