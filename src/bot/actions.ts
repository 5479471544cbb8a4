// The one place every button lands (Slack block_actions, Teams Action.Submit).
// Each action is the chat command it stands for, run through answer(), so a
// button and typed text share the grammar, the verbs' result replies and the hub's RBAC.
import { HANDOVER_ID } from '../core/handover-rules.js';
import type { Lang } from '../render/labels.js';
import { answer, unexpected } from './answer.js';
import { messagesFor } from './messages.js';
import { labelsFor } from '../render/labels.js';
import type { BotReply, ChatActionId, ChatUser, ReplyAction } from './reply.js';
import { replyLang } from './reply-lang.js';
import type { ChatSession } from './session.js';

export interface ChatAction {
  id: ChatActionId;
  /** The incident id for incident actions; the command text for `run`; the handover id for `handover`. */
  value: string;
  /** What was done, for `resolve` (asked for in a modal or a card's input). */
  summary?: string;
}

// A button's value must never smuggle in more grammar: each action's value has its shape.
const INCIDENT_ID = /^[A-Za-z0-9-]{1,40}$/;
const STEP = '[a-z][a-z0-9-]{0,63}';
const VALUE_SHAPE: Partial<Record<ChatActionId, RegExp>> = {
  approve: new RegExp(`^RUN-\\d{6,9} ${STEP}$`),
  reject: new RegExp(`^RUN-\\d{6,9} ${STEP}$`),
  confirm: new RegExp(`^RUN-\\d{6,9} ${STEP} \\d{1,3}$`),
  playbook: new RegExp(`^${STEP} [A-Za-z0-9-]{1,40}$`),
  handover: HANDOVER_ID,
};

/** The command a button runs, quoted so a summary stays one argument. */
export function actionCommand(action: ChatAction): string | undefined {
  switch (action.id) {
    case 'run':
      return action.value;
    case 'ack':
      return `incidents ack ${action.value}`;
    case 'escalate':
      return `incidents escalate ${action.value}`;
    case 'diag':
      return `diag run ${action.value}`;
    case 'resolve':
      return action.summary?.trim() ? `incidents resolve ${action.value} --summary ${quote(action.summary.trim())}` : undefined;
    case 'approve':
    case 'reject': {
      const [run, step] = action.value.split(' ');
      return `playbook ${action.id} ${run} --step ${step}`;
    }
    case 'confirm': {
      const [run, step, item] = action.value.split(' ');
      return `playbook confirm ${run} ${item} --step ${step}`;
    }
    case 'handover':
      // The presser takes it over as themselves: the hub refuses its issuer, as at the CLI.
      return `handover accept ${action.value}`;
    case 'playbook': {
      // Never a start on one press: the plan, as the presser may see it, with a button to start.
      const [playbook, incident] = action.value.split(' ');
      return `playbook run ${playbook} --incident ${incident} --dry-run`;
    }
  }
}

// Double quotes end a quoted word in chat grammar, so they become typographic ones inside it.
function quote(text: string): string {
  return `"${text.replace(/["“”]/g, '″').replace(/\s+/g, ' ')}"`;
}

/** The language a button is answered in: that of the command it runs (a summary typed in Arabic, a `--lang` it carries). */
export function actionLang(action: ChatAction, user: ChatUser): Lang {
  return replyLang(actionCommand(action) ?? action.summary ?? '', user);
}

export async function dispatchAction(action: ChatAction, session: ChatSession): Promise<BotReply> {
  const lang = actionLang(action, session.user);
  try {
    const shape = VALUE_SHAPE[action.id] ?? (action.id === 'run' ? undefined : INCIDENT_ID);
    if (shape && !shape.test(action.value)) {
      const what = VALUE_SHAPE[action.id] ? `what an ${action.id} button carries` : 'an incident id';
      return { kind: 'error', message: `not ${what}: ${JSON.stringify(action.value.slice(0, 60))}`, exitCode: 2 };
    }
    const command = actionCommand(action);
    if (command === undefined) {
      const m = messagesFor(lang);
      return { kind: 'error', message: m.resolveNeedsSummary(action.value), hint: m.resolveHint(action.value), exitCode: 2 };
    }
    const reply = await answer(command, session);
    return action.id === 'playbook' ? withStartButton(reply, action.value, lang) : reply;
  } catch (e) {
    return unexpected(e);
  }
}

/** The plan a proposed playbook's button showed, with the button that starts it (the hub decides who may). */
function withStartButton(plan: BotReply, value: string, lang: Lang): BotReply {
  if (plan.kind !== 'text') return plan;
  const [playbook, incident] = value.split(' ');
  const start: ReplyAction = { id: 'run', label: `${labelsFor(lang).t('runPlaybook')}: ${playbook}`, value: `playbook run ${playbook} --incident ${incident} --yes`, style: 'primary' };
  return { ...plan, actions: [start] };
}
