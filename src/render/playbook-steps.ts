// A playbook's steps as a person reads them before running it: number, id,
// type and title, then what the step does and where it goes when it fails or
// runs out of time. An inject step says it runs only in a drill.
import type { PlaybookStep } from '../core/model.js';
import type { Lang } from './labels.js';
import { conditionWords, inLang, routeWords } from './playbook-words.js';
import type { Style } from './style.js';

const siteWords = (site: string) => (site === 'fleet' ? 'every site' : site);

/** What the step does, in a line (or the items of a checklist). */
function actionLines(step: PlaybookStep, lang: Lang): string[] {
  switch (step.type) {
    case 'diagnose':
      return [`diagnose ${step.target} remotely (probes only)`];
    case 'remediate': {
      const params = Object.entries(step.params ?? {}).map(([k, v]) => `${k}=${String(v)}`);
      return [`${step.action}${params.length ? ` (${params.join(', ')})` : ''} on ${step.target}`];
    }
    case 'notify':
      return [`to ${step.channel ? `channel ${step.channel}` : `every ${step.role}`}: ${inLang(step.message, lang)}`];
    case 'assign':
      return [`assign ${step.incident ?? 'the incident'} to ${step.to}`];
    case 'approval': {
      const who = `approved by ${step.roles.join(' or ')}`;
      const two = step['two-person'] ? ': two people, and not the one who started the run' : '';
      return [`${who}${two}`, ...(step.reason ? [`why: ${inLang(step.reason, lang)}`] : [])];
    }
    case 'checklist':
      return step.items.map((item) => `[ ] ${inLang(item, lang)}`);
    case 'wait':
      return [step.for !== undefined ? `wait ${step.for}` : `wait until ${conditionWords(step.until!)}`];
    case 'set-mode':
      return [`${siteWords(step.site)} to ${step.mode}`];
    case 'inject':
      return [`drill only (a run that is not a drill never injects): fault ${step.fault} on ${step.asset}${step.for ? ` for ${step.for}` : ''}`];
    case 'branch':
      return [`if ${conditionWords(step.if)}: go to ${step.then}; else ${step.else ? `go to ${step.else}` : 'go on'}`];
  }
}

/** Timeouts, retries, failure routes and drill targets, when the step has any. */
function routingLine(step: PlaybookStep): string | undefined {
  const parts = [
    step.timeout ? `timeout ${step.timeout} → ${routeWords(step.onTimeout ?? 'pause')}` : '',
    step.retries ? `retried ${step.retries.count}× every ${step.retries.delay}` : '',
    step.onFailure ? `on failure → ${routeWords(step.onFailure)}` : '',
    step.within ? `done within ${step.within}` : '',
    step.milestone ? 'milestone' : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

export function renderSteps(steps: readonly PlaybookStep[], lang: Lang, style: Style): string[] {
  const width = String(steps.length).length;
  const indent = ' '.repeat(width + 4);
  return steps.flatMap((step, i) => {
    const number = String(i + 1).padStart(width);
    const routing = routingLine(step);
    return [
      `  ${number}. ${style.bold(step.id)}  ${step.type}${step.type === 'inject' ? ` ${style.warn('(drill only)')}` : ''}  ${inLang(step.title, lang)}`,
      ...actionLines(step, lang).map((line) => `${indent}${line}`),
      ...(routing ? [`${indent}${style.dim(routing)}`] : []),
    ];
  });
}
