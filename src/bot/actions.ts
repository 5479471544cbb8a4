// The one place every button lands (Slack block_actions, Teams Action.Submit).
// Each action is the chat command it stands for, run through answer(), so a
// button and typed text share the grammar, the verbs' result replies and the hub's RBAC.
import type { Lang } from '../render/labels.js';
import { answer, unexpected } from './answer.js';
import { messagesFor } from './messages.js';
import type { BotReply, ChatActionId, ChatUser } from './reply.js';
import { replyLang } from './reply-lang.js';
import type { ChatSession } from './session.js';

export interface ChatAction {
  id: ChatActionId;
  /** The incident id for incident actions; the command text for `run`. */
  value: string;
  /** What was done, for `resolve` (asked for in a modal or a card's input). */
  summary?: string;
}

// Incident ids only: a button's value must never smuggle in more grammar.
const INCIDENT_ID = /^[A-Za-z0-9-]{1,40}$/;

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
    if (action.id !== 'run' && !INCIDENT_ID.test(action.value)) {
      return { kind: 'error', message: `not an incident id: ${JSON.stringify(action.value.slice(0, 60))}`, exitCode: 2 };
    }
    const command = actionCommand(action);
    if (command === undefined) {
      const m = messagesFor(lang);
      return { kind: 'error', message: m.resolveNeedsSummary(action.value), hint: m.resolveHint(action.value), exitCode: 2 };
    }
    return await answer(command, session);
  } catch (e) {
    return unexpected(e);
  }
}
