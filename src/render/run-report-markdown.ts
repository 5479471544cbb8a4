// The after-action report as Markdown, for the record and for the next
// planning meeting: what happened when, who did what through which channel,
// each step against its target, what failed and what was retried, and the
// notes taken during the run as lessons. A pure function of the report; every
// string from outside goes through mdText, so it stays text in any viewer.
import type { ReportEvent, RunReport, ScoredStep, TimedTarget } from '../core/model.js';
import type { Lang } from './labels.js';
import { mdHead, mdRow, mdText } from './markdown-text.js';
import { formatSpan } from './spans.js';

const md = mdText;
const row = mdRow;
const head = mdHead;

function target(name: string, t: TimedTarget): string {
  const against = t.target === null ? 'no target' : `target ${md(t.target)}`;
  const met = t.met === null ? '' : t.met ? ', met' : ', **missed**';
  return `${name} ${formatSpan(t.ms)} (${against}${met})`;
}

const who = (e: ReportEvent) => (e.actor ? md(e.actor.name) : 'the runner');

function stepRow(s: ScoredStep): string {
  return row([md(s.stepId), md(s.type) + (s.milestone ? ' ★' : ''), s.within === null ? '–' : md(s.within), formatSpan(s.doneAtMs), formatSpan(s.tookMs), String(s.attempts), s.verdict === 'missed' || s.verdict === 'late' ? `**${s.verdict}**` : s.verdict]);
}

export function renderRunReportMarkdown(r: RunReport, lang: Lang = 'en'): string {
  const title = r.title[lang] ?? r.title.en;
  const out: string[] = [`# After-action report: ${md(r.runId)} — ${md(r.playbookId)} v${r.playbookVersion}`, ''];
  if (!r.ended) out.push(`> **Still ${r.status}**: this report covers what happened so far.`, '');
  out.push(
    `- Playbook: ${md(title)}`,
    `- ${r.drill ? '**Drill**' : 'Real run'}: ${r.status}, started ${r.startedAt}${r.endedAt ? `, ended ${r.endedAt}` : ''}`,
    `- Clock: ${md(r.clock.label)} — the durations below are on it`,
    `- Started by ${md(r.startedBy.name)} through ${md(r.channel)}${r.incidentId ? ` on ${md(r.incidentId)}` : ''}${r.siteId ? ` at ${md(r.siteId)}` : ''}`,
    `- Score: ${r.score === null ? 'no targets' : `${r.score}%`} · ${target('first action', r.firstAction)} · ${target('recovery', r.recovery)}`,
    '',
    '## Timeline',
    '',
    ...head(['Time (UTC)', 'What', 'Who', 'Channel']),
    ...r.timeline.map((e) => row([e.at, md(e.what), who(e), e.channel ? md(e.channel) : '–'])),
    '',
    '## Who did what',
    '',
    ...(r.people.length ? r.people.map((p) => `- **${md(p.actor.name)}** (${p.channels.map(md).join(', ')}): ${p.did.map(md).join('; ')}`) : ['- Nobody acted: the runner did it all.']),
    '',
    '## Steps against their targets',
    '',
    ...head(['Step', 'Type', 'Within', 'Done at', 'Took', 'Tries', 'Verdict']),
    ...r.steps.map(stepRow),
    '',
    '## What failed, and what was retried',
    '',
    ...(r.failures.length
      ? r.failures.map((f) => `- ${f.at} ${md(f.stepId)} attempt ${f.attempt}: ${md(f.error)}${f.retried ? ' — tried again' : ''}`)
      : ['- Nothing failed.']),
    ...r.retried.map((t) => `- ${md(t.stepId)} took ${t.attempts} attempts`),
    '',
    '## Lessons learned (notes taken during the run)',
    '',
    ...(r.lessons.length ? r.lessons.map((n) => `- ${n.at} **${md(n.actor.name)}** (${md(n.channel)}): ${md(n.text)}`) : ['- No notes were taken.']),
    '',
  );
  return out.join('\n');
}
