// Drills for a person: the list a team reads to see its scores over time,
// and one drill's scorecard — each step against its target, time to first
// action and to recovery — always saying which clock its times are on. Pure
// functions; the text they are handed is already inert (titles come from files).
import type { BilingualText, DrillScorecard, DrillSummary, ScoredStep, StepVerdict, TimedTarget } from '../core/model.js';
import type { Lang } from './labels.js';
import { formatSpan } from './spans.js';
import { createStyle, type Style } from './style.js';
import { renderTable } from './table.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';

const text = (t: BilingualText, lang: Lang) => t[lang] ?? t.en;

export const scoreText = (score: number | null) => (score === null ? '-' : `${score}%`);

function styleVerdict(v: StepVerdict, style: Style): string {
  if (v === 'missed') return style.health('down', v);
  if (v === 'late') return style.health('degraded', v);
  if (v === 'on-time') return style.health('ok', v);
  return v === 'not-needed' || v === 'pending' ? style.dim(v) : v;
}

export function renderDrillList(drills: readonly DrillSummary[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [
        { header: 'RUN' },
        { header: 'PLAYBOOK' },
        { header: 'ENDED', align: 'right' },
        { header: 'STATUS' },
        { header: 'SCORE', align: 'right' },
        { header: 'ON TIME', align: 'right' },
        { header: 'LATE', align: 'right' },
        { header: 'MISSED', align: 'right' },
        { header: 'FIRST ACTION', align: 'right' },
        { header: 'RECOVERY', align: 'right' },
        { header: 'CLOCK', flex: true },
      ],
      rows: drills.map((d) => [
        d.runId,
        `${d.playbookId} v${d.playbookVersion}`,
        d.endedAt ? formatTime(d.endedAt, ctx.now, ctx.tty) : '-',
        d.status,
        style.bold(scoreText(d.score)),
        String(d.onTime),
        String(d.late),
        String(d.missed),
        formatSpan(d.firstActionMs),
        formatSpan(d.recoveryMs),
        d.clock.speed === 1 ? 'real' : `×${d.clock.speed}`,
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

function targetLine(name: string, t: TimedTarget, style: Style): string {
  const against = t.target === null ? 'no target' : `target ${t.target}`;
  const verdict = t.met === null ? '' : t.met ? ` ${style.health('ok', 'met')}` : ` ${style.health('down', 'missed')}`;
  return `${name}: ${formatSpan(t.ms)} (${against})${verdict}`;
}

function stepRow(s: ScoredStep, lang: Lang, style: Style): string[] {
  return [
    s.stepId,
    `${s.type}${s.milestone ? ' ★' : ''}`,
    s.within ?? '-',
    formatSpan(s.doneAtMs),
    s.attempts > 1 ? String(s.attempts) : s.attempts === 1 ? '1' : '-',
    styleVerdict(s.verdict, style),
    s.why ?? text(s.title, lang),
  ];
}

export function renderScorecard(card: DrillScorecard, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const going = card.endedAt === null ? ` — still ${card.status}: scored so far` : '';
  const head = [
    `${style.bold(card.runId)}  ${card.playbookId} v${card.playbookVersion}: ${text(card.title, ctx.lang)}`,
    `${card.status}, started ${formatTime(card.startedAt, ctx.now, ctx.tty)}${going}`,
    `clock: ${card.clock.label} — every time below is on it`,
    `score: ${style.bold(scoreText(card.score))} (${card.targetsMet} of ${card.targetsSet} targets met) · on time ${card.onTime} · late ${card.late} · missed ${card.missed}`,
    targetLine('first action', card.firstAction, style) + (card.firstAction.stepId ? ` — ${card.firstAction.stepId}` : ''),
    targetLine('recovery', card.recovery, style),
    '',
  ];
  const table = renderTable(
    {
      columns: [{ header: 'STEP' }, { header: 'TYPE' }, { header: 'WITHIN', align: 'right' }, { header: 'DONE AT', align: 'right' }, { header: 'TRIES', align: 'right' }, { header: 'VERDICT' }, { header: 'NOTE', flex: true }],
      rows: card.steps.map((s) => stepRow(s, ctx.lang, style)),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
  return `${head.join('\n')}\n${table}`;
}
