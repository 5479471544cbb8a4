// Playbooks for a person: the catalogue as a table, one playbook with its
// steps, the versions a hub has loaded, and what a file check found.
import type { PlaybookDetail, PlaybookHistory, PlaybookProposal, PlaybookSummary, PlaybookValidation } from '../core/model.js';
import { formatPlaybookError } from '../core/playbook-file-errors.js';
import { renderSteps } from './playbook-steps.js';
import { inLang, triggerWords } from './playbook-words.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import { formatTime } from './time.js';
import type { RenderContext } from './view.js';
import { countOf } from './plural.js';

const triggersOf = (p: Pick<PlaybookSummary, 'triggers'>) => (p.triggers.length ? p.triggers.map(triggerWords).join('; ') : '-');

export function renderPlaybookTable(playbooks: readonly PlaybookSummary[], ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [
        { header: 'PLAYBOOK' },
        { header: 'TITLE', flex: true },
        { header: 'SEV' },
        { header: 'VER', align: 'right' },
        { header: 'TRIGGERS', flex: true },
        { header: 'SOURCE', flex: true },
      ],
      rows: playbooks.map((p) => [p.id, inLang(p.title, ctx.lang), style.severity(p.severity, p.severity), String(p.version), triggersOf(p), p.source]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

export function renderPlaybookDetail(p: PlaybookDetail, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  const d = p.definition;
  const scope = [d.scope.siteKinds ? `kinds ${d.scope.siteKinds.join(', ')}` : '', d.scope.regions ? `regions ${d.scope.regions.join(', ')}` : ''].filter(Boolean);
  const targets = [d.targets.firstAction ? `first action within ${d.targets.firstAction}` : '', d.targets.recovery ? `recovery within ${d.targets.recovery}` : ''].filter(Boolean);
  const lines = [
    `${style.bold(p.id)}  v${p.version}  ${style.severity(p.severity, p.severity)}`,
    inLang(p.title, ctx.lang),
    inLang(p.description, ctx.lang),
    '',
    `source: ${p.source}  hash: ${p.hash.slice(0, 12)}`,
    `scope: ${scope.length ? scope.join('; ') : 'every site'}`,
    `triggers: ${triggersOf(p)}`,
    `auto: ${p.auto ? 'runs on a matching incident when an admin has enabled auto-runs' : 'no (proposed on a matching incident, run by a person)'}`,
    ...(targets.length ? [`drill targets: ${targets.join(', ')}`] : []),
    ...(p.drillOnlySteps ? [style.warn(`${p.drillOnlySteps} inject step${p.drillOnlySteps === 1 ? '' : 's'}: drill only; a run that is not a drill never injects faults`)] : []),
  ];
  if (d.inputs.length) {
    lines.push('', style.bold('inputs'));
    for (const i of d.inputs) {
      const facts = [i.type, i.required ? 'required' : '', i.default === undefined ? '' : `default ${String(i.default)}`].filter(Boolean).join(', ');
      lines.push(`  ${i.name} (${facts})${i.description ? `  ${inLang(i.description, ctx.lang)}` : ''}`);
    }
  }
  lines.push('', style.bold('steps'), ...renderSteps(d.steps, ctx.lang, style));
  return lines.join('\n');
}

export function renderPlaybookHistory(h: PlaybookHistory, ctx: RenderContext): string {
  const style = createStyle(ctx.color);
  return renderTable(
    {
      columns: [{ header: 'VER', align: 'right' }, { header: 'HASH' }, { header: 'FIRST SEEN' }, { header: 'SOURCE', flex: true }, { header: 'RUNS', flex: true }],
      rows: h.versions.map((v) => [
        `${v.current ? '*' : ''}${v.version}`,
        v.hash.slice(0, 12),
        formatTime(v.firstSeenAt, ctx.now, ctx.tty),
        v.source,
        v.runs.length ? v.runs.map((r) => `${r.id} ${r.status}`).join(', ') : '-',
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: style.bold },
  );
}

/** One line per problem (file:line: field: message), one per file that passed. */
export function renderPlaybookValidation(v: PlaybookValidation): string {
  return [...v.playbooks.map((p) => `${p.file}: ok (${p.id} v${p.version})`), ...v.errors.map(formatPlaybookError)].join('\n');
}

export function validationSummary(v: PlaybookValidation): string {
  const files = new Set(v.errors.map((e) => e.file)).size;
  return `${countOf(v.errors.length, 'problem')} in ${countOf(files, 'file')}`;
}

/** An incident's proposed playbooks, for its detail. */
export function proposalLines(proposals: readonly PlaybookProposal[], ctx: RenderContext): string[] {
  return proposals.map((p) => `  ${p.playbook.id}  ${inLang(p.playbook.title, ctx.lang)}  (matched ${triggerWords(p.trigger)})`);
}
