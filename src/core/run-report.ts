// The after-action report of a run, from its detail (journal, approvals,
// checklist ticks, notes, notifications): a timeline of everything with its
// time, who did what through which channel, each step against its target
// (the drill scoring rule, on the run's clock), what failed and what was
// tried again, and the notes as lessons. Pure, so any front end builds it.
import { scoreRun } from './drill-score.js';
import type { ActorRef, PlaybookRunDetail, ReportEvent, ReportFailure, ReportPerson, RunReport } from './model.js';
import { ENDED_RUN_STATUSES } from './vocabulary.js';

function stepEvents(detail: PlaybookRunDetail): ReportEvent[] {
  const events: ReportEvent[] = [];
  const types = new Map(detail.steps.map((s) => [s.id, s.type]));
  for (const step of detail.steps) {
    for (const a of step.attempts) {
      const who = { actor: a.actor, channel: a.channel };
      events.push({ at: a.startedAt, kind: 'step', stepId: a.stepId, what: `${a.stepId} (${types.get(a.stepId)}) attempt ${a.attempt} started`, ...who });
      if (a.endedAt === null) continue;
      const mode = types.get(a.stepId) === 'set-mode' && a.status === 'done' && a.output ? a.output : null;
      const what = mode
        ? `${String(mode.siteId)} switched from ${String(mode.was)} to ${String(mode.mode)} mode${mode.changed === false ? ' (already so)' : ''}`
        : `${a.stepId} attempt ${a.attempt} ${a.status}${a.error ? `: ${a.error}` : ''}`;
      events.push({ at: a.endedAt, kind: mode ? 'mode' : 'step', stepId: a.stepId, what, ...who });
    }
  }
  return events;
}

function timelineOf(detail: PlaybookRunDetail): ReportEvent[] {
  const { run } = detail;
  const events: ReportEvent[] = [
    { at: run.startedAt, kind: 'run', stepId: null, what: `run started${run.drill ? ' as a drill' : ''}`, actor: run.startedBy, channel: run.channel },
    ...stepEvents(detail),
    ...detail.approvals.map((a) => ({ at: a.at, kind: 'approval' as const, stepId: a.stepId, what: `${a.decision} ${a.stepId}${a.reason ? `: ${a.reason}` : ''}`, actor: a.actor, channel: a.channel })),
    ...detail.checklist.map((t) => ({ at: t.at, kind: 'checklist' as const, stepId: t.stepId, what: `ticked item ${t.item} of ${t.stepId}`, actor: t.actor, channel: t.channel })),
    ...detail.notes.map((n) => ({ at: n.at, kind: 'note' as const, stepId: null, what: `note: ${n.text}`, actor: n.actor, channel: n.channel })),
    ...detail.notifications.map((n) => ({
      at: n.createdAt,
      kind: 'notification' as const,
      stepId: n.stepId,
      what: `message to ${n.channel ?? `every ${n.role}`}: ${n.message.en}`,
      actor: null,
      channel: null,
    })),
  ];
  if (run.endedAt) events.push({ at: run.endedAt, kind: 'run', stepId: null, what: `run ${run.status}${run.reason ? `: ${run.reason}` : ''}`, actor: null, channel: null });
  // A stable sort: what happened at the same instant keeps the order it was recorded in.
  return events.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i).map(({ e }) => e);
}

function peopleOf(timeline: readonly ReportEvent[]): ReportPerson[] {
  const people = new Map<string, ReportPerson>();
  for (const e of timeline) {
    if (!e.actor || e.kind === 'step' || e.kind === 'mode') continue;
    const person = people.get(e.actor.id) ?? { actor: e.actor as ActorRef, channels: [], did: [] };
    people.set(e.actor.id, person);
    if (e.channel && !person.channels.includes(e.channel)) person.channels.push(e.channel);
    person.did.push(e.what);
  }
  return [...people.values()];
}

function failuresOf(detail: PlaybookRunDetail): ReportFailure[] {
  return detail.steps.flatMap((s) =>
    s.attempts
      .filter((a) => a.status === 'failed')
      .map((a) => ({ stepId: s.id, attempt: a.attempt, at: a.endedAt ?? a.startedAt, error: a.error ?? 'failed', retried: s.attempts.some((b) => b.attempt > a.attempt) })),
  );
}

export function buildRunReport(detail: PlaybookRunDetail): RunReport {
  const { run } = detail;
  const card = scoreRun({ run, definition: detail.definition, attempts: detail.steps.flatMap((s) => s.attempts) });
  const timeline = timelineOf(detail);
  return {
    runId: run.id,
    playbookId: run.playbookId,
    playbookVersion: run.playbookVersion,
    title: run.title,
    status: run.status,
    ended: ENDED_RUN_STATUSES.includes(run.status),
    drill: run.drill,
    clock: card.clock,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    startedBy: run.startedBy,
    channel: run.channel,
    incidentId: run.incidentId,
    siteId: run.siteId,
    timeline,
    people: peopleOf(timeline),
    steps: card.steps,
    firstAction: card.firstAction,
    recovery: card.recovery,
    score: card.score,
    failures: failuresOf(detail),
    retried: detail.steps.filter((s) => s.attempts.length > 1).map((s) => ({ stepId: s.id, attempts: s.attempts.length })),
    lessons: detail.notes.map((n) => ({ at: n.at, actor: n.actor, channel: n.channel, text: n.text })),
  };
}
