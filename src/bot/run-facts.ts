// What every chat renderer says about a playbook run — its headline, facts,
// one line per step with who acted, what it waits on — and which buttons its
// state allows, before it is dressed as Slack blocks or a Teams card. Values
// are raw (not escaped): each renderer escapes for its own markup. The run
// card the notifier keeps current and `playbook status` in chat both draw this.
import type { PlaybookRunDetail, RunStep } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { inLang } from '../render/playbook-words.js';
import { formatChatTime, type Fact } from './facts.js';
import type { ReplyAction } from './reply.js';

const STEP_MARK: Record<RunStep['status'], string> = { pending: '○', started: '▶', done: '✓', failed: '✗', skipped: '–' };
const RUN_MARK: Record<PlaybookRunDetail['run']['status'], string> = {
  running: '▶',
  waiting: '⏸',
  paused: '⏸',
  succeeded: '✓',
  failed: '✗',
  aborted: '✗',
};

/** At most this many checklist items get a button each; a longer list is confirmed by command. */
export const CHECKLIST_BUTTONS = 5;

export interface RunCardFacts {
  /** `✓ RUN-000012 · isolate-segment v3 · succeeded` */
  headline: string;
  title: string;
  facts: Fact[];
  steps: string[];
  /** What the run waits on, and why, while it waits or is paused; null otherwise. */
  waiting: string | null;
  drill: boolean;
}

function stepLine(step: RunStep, detail: PlaybookRunDetail, lang: Lang): string {
  const current = detail.run.currentStep;
  const last = step.attempts.at(-1);
  // Who decided so far, while the step still waits for more of them.
  const deciders = last ? detail.approvals.filter((a) => a.stepId === step.id && a.attempt === last.attempt).map((a) => `${a.decision} by ${a.actor.name} (${a.channel})`) : [];
  const acted = deciders.length ? ` — ${deciders.join(', ')}` : last && last.status !== 'started' && step.type === 'checklist' ? ` — ${last.actor.name}` : '';
  const why = last?.error ? ` — ${last.error}` : '';
  const here = step.id === current && step.status !== 'done' ? ' ◂' : '';
  return `${STEP_MARK[step.status]} ${step.id} · ${inLang(step.title, lang)}${acted}${why}${here}`;
}

export function runCardFacts(detail: PlaybookRunDetail, lang: Lang): RunCardFacts {
  const l = labelsFor(lang);
  const r = detail.run;
  const facts: [string, string | null][] = [
    [l.t('site'), r.siteId],
    [l.t('incident'), r.incidentId],
    [l.t('startedBy'), `${r.startedBy.name} (${r.channel}), ${formatChatTime(r.startedAt)}`],
  ];
  const resting = r.status === 'waiting' || r.status === 'paused';
  return {
    headline: `${RUN_MARK[r.status]} ${r.id} · ${r.playbookId} v${r.playbookVersion} · ${r.status}`,
    title: inLang(r.title, lang),
    facts: facts.filter((f): f is [string, string] => Boolean(f[1])).map(([label, value]) => ({ label, value })),
    steps: detail.steps.map((s) => stepLine(s, detail, lang)),
    waiting: resting ? `${l.t('waitingOn')}: ${r.waitingOn ?? r.status}${r.reason ? ` — ${r.reason}` : ''}` : null,
    drill: r.drill,
  };
}

/**
 * The buttons a run's state allows: Approve and Reject while it waits on an
 * approval, a button per item of a short checklist. Each names the step, so a
 * press on a card gone stale is refused by the hub rather than deciding a later step.
 */
export function runActions(detail: PlaybookRunDetail, lang: Lang): ReplyAction[] {
  const l = labelsFor(lang);
  const r = detail.run;
  if (r.status !== 'waiting' || !r.currentStep) return [];
  const at = `${r.id} ${r.currentStep}`;
  if (r.waitingOn === 'approval') {
    return [
      { id: 'approve', label: l.t('approve'), value: at, style: 'primary' },
      { id: 'reject', label: l.t('reject'), value: at, style: 'danger' },
    ];
  }
  const step = detail.definition.steps.find((s) => s.id === r.currentStep);
  if (r.waitingOn !== 'checklist' || step?.type !== 'checklist' || step.items.length > CHECKLIST_BUTTONS) return [];
  const attempt = detail.steps.find((s) => s.id === step.id)?.attempts.at(-1)?.attempt;
  const ticked = new Set(detail.checklist.filter((t) => t.stepId === step.id && t.attempt === attempt).map((t) => t.item));
  return step.items.flatMap((item, i) =>
    ticked.has(i + 1) ? [] : [{ id: 'confirm' as const, label: `✓ ${inLang(item, lang)}`, value: `${at} ${i + 1}` }],
  );
}

/** Most "Run playbook" buttons an incident card carries; the rest are named in a line. */
export const PLAYBOOK_BUTTONS = 3;

/**
 * The buttons that offer the playbooks the hub proposes for an incident. A
 * press shows the plan and asks before anything starts (actions.ts).
 */
export function playbookActions(incidentId: string, playbookIds: readonly string[], lang: Lang): { actions: ReplyAction[]; more: string | null } {
  const label = labelsFor(lang).t('runPlaybook');
  const actions = playbookIds.slice(0, PLAYBOOK_BUTTONS).map((id): ReplyAction => ({ id: 'playbook', label: `${label}: ${id}`, value: `${id} ${incidentId}` }));
  const rest = playbookIds.slice(PLAYBOOK_BUTTONS);
  return { actions, more: rest.length ? `${label}: ${rest.map((id) => `\`watchfloor playbook run ${id} --incident ${incidentId}\``).join(', ')}` : null };
}
