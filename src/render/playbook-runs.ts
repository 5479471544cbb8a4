// Playbook runs for a person: the runs as a table, one run with its steps,
// a dry run's plan, a line per change while a run is followed, and what a run
// that stopped waits for. Pure functions; the text they are handed is already
// inert (step titles and errors come from files and devices).
import type { BilingualText, PlaybookRun, PlaybookRunDetail, RunPlan, RunStep, StepAttempt } from '../core/model.js';
import type { RunUpdate } from '../core/client.js';
import type { Lang } from './labels.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import { formatAge, formatTime } from './time.js';
import type { RenderContext } from './view.js';

const text = (t: BilingualText, lang: Lang) => t[lang] ?? t.en;

const MARKS: Record<RunStep['status'], string> = { pending: '·', started: '▸', done: '✓', failed: '✗', skipped: '–' };

function styleStatus(status: PlaybookRun['status'], style: Style): string {
  if (status === 'failed' || status === 'aborted') return style.health('down', status);
  if (status === 'paused' || status === 'waiting') return style.health('degraded', status);
  return status === 'succeeded' ? style.health('ok', status) : status;
}

const seconds = (a: StepAttempt): string => (a.endedAt ? `${((Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 1000).toFixed(1)} s` : '');

export function renderRunsTable(runs: readonly PlaybookRun[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [
        { header: 'RUN' },
        { header: 'PLAYBOOK' },
        { header: 'STATUS' },
        { header: 'STEP' },
        { header: 'SITE' },
        { header: 'INCIDENT' },
        { header: 'BY', flex: true },
        { header: 'STARTED', align: 'right' },
      ],
      rows: runs.map((r) => [
        r.id,
        `${r.playbookId} v${r.playbookVersion}${r.drill ? ' (drill)' : ''}`,
        styleStatus(r.status, style),
        r.currentStep ?? '-',
        r.siteId ?? '-',
        r.incidentId ?? '-',
        r.startedBy.name,
        ctx.tty ? formatAge(r.startedAt, ctx.now) : r.startedAt,
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

/** One line per step: its mark, id, title, and how its latest attempt went. */
export function renderStepLines(steps: readonly RunStep[], ctx: RenderContext, current: string | null = null): string[] {
  return steps.map((s) => {
    const last = s.attempts.at(-1);
    const tries = s.attempts.length > 1 ? ` (attempt ${last!.attempt})` : '';
    const took = last ? seconds(last) : '';
    const by = last && (s.type === 'approval' || s.type === 'checklist') && last.status === 'done' ? ` by ${last.actor.name}` : '';
    const why = last?.error ? ` — ${last.error}` : '';
    const here = s.id === current && s.status !== 'done' ? ' ◂' : '';
    return `  ${MARKS[s.status]} ${s.id}  ${text(s.title, ctx.lang)}${tries}${took ? `  ${took}` : ''}${by}${why}${here}`;
  });
}

/** The line that says where the run stands, and what a person can do. */
export function runStanding(run: PlaybookRun): string {
  const reason = run.reason ? `: ${run.reason}` : '';
  switch (run.status) {
    case 'succeeded':
      return `${run.id} succeeded`;
    case 'waiting':
      if (run.waitingOn === 'approval') return `${run.id} waits for approval${reason}\n  approve: watchfloor playbook approve ${run.id}   reject: watchfloor playbook reject ${run.id}`;
      if (run.waitingOn === 'checklist') return `${run.id} waits for its checklist${reason}\n  confirm: watchfloor playbook confirm ${run.id} ITEM…`;
      return `${run.id} is waiting${reason}`;
    default:
      return `${run.id} ${run.status}${reason}`;
  }
}

export function renderRunDetail(d: PlaybookRunDetail, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const r = d.run;
  const inputs = Object.entries(r.inputs).map(([k, v]) => `${k}=${String(v)}`);
  const lines = [
    `${style.bold(r.id)}  ${r.playbookId} v${r.playbookVersion}  ${styleStatus(r.status, style)}${r.drill ? '  DRILL' : ''}`,
    text(r.title, ctx.lang),
    `started: ${formatTime(r.startedAt, ctx.now, ctx.tty)} by ${r.startedBy.name} (${r.channel})`,
    ...(r.endedAt ? [`ended: ${formatTime(r.endedAt, ctx.now, ctx.tty)}`] : []),
    ...(r.siteId ? [`site: ${r.siteId}`] : []),
    ...(r.incidentId ? [`incident: ${r.incidentId}`] : []),
    ...(inputs.length ? [`inputs: ${inputs.join(' ')}`] : []),
    ...(r.reason ? [`why: ${r.reason}`] : []),
    '',
    style.bold('steps'),
    ...renderStepLines(d.steps, ctx, r.currentStep),
  ];
  if (d.approvals.length) {
    lines.push(style.bold('approvals'), ...d.approvals.map((a) => `  ${a.stepId}: ${a.decision} by ${a.actor.name} (${a.channel}) ${formatTime(a.at, ctx.now, ctx.tty)}${a.reason ? ` — ${a.reason}` : ''}`));
  }
  if (d.notes.length) lines.push(style.bold('notes'), ...d.notes.map((n) => `  ${formatTime(n.at, ctx.now, ctx.tty)} ${n.actor.name}: ${n.text}`));
  return lines.join('\n');
}

export function renderPlan(p: RunPlan, ctx: RenderContext): string {
  const inputs = Object.entries(p.inputs).map(([k, v]) => `${k}=${String(v)}`);
  return [
    `${p.playbookId} v${p.playbookVersion}${p.drill ? ' (drill)' : ''}: ${text(p.title, ctx.lang)} — dry run, nothing done`,
    ...(p.siteId ? [`site: ${p.siteId}`] : []),
    ...(p.incidentId ? [`incident: ${p.incidentId}`] : []),
    ...(inputs.length ? [`inputs: ${inputs.join(' ')}`] : []),
    ...p.steps.map((s, i) => `  ${i + 1}. ${s.id} (${s.type}): ${s.does}${s.skipped ? ` — skipped, ${s.skipped}` : ''}`),
  ].join('\n');
}

/** One line per change while a run is followed and nobody watches a terminal (piped). */
export function renderRunUpdate(u: RunUpdate): string | undefined {
  if (u.type === 'started') return `${u.detail.run.id} started: ${u.detail.run.playbookId} v${u.detail.run.playbookVersion}${u.detail.run.drill ? ' (drill)' : ''}`;
  if (u.type === 'step') {
    const a = u.step;
    return `${a.stepId} ${a.status}${a.attempt > 1 ? ` (attempt ${a.attempt})` : ''}${a.error ? `: ${a.error}` : ''}`;
  }
  return u.run.status === 'running' ? undefined : `${u.run.id} ${u.run.status}${u.run.reason ? `: ${u.run.reason}` : ''}`;
}
