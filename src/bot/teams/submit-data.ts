// What an Action.Submit button sends back: `{ wf, value, summary? }` as the
// card put it, with the card's inputs merged in by Teams. Anything else on a
// message's `value` is not ours and is ignored.
import { CHAT_ACTION_IDS, type ChatActionId } from '../reply.js';

export interface SubmittedAction {
  id: ChatActionId;
  value: string;
  summary?: string;
}

export function parseSubmitData(value: unknown): SubmittedAction | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { wf, value: target, summary } = value as Record<string, unknown>;
  if (!CHAT_ACTION_IDS.includes(wf as ChatActionId) || typeof target !== 'string' || !target) return undefined;
  const text = typeof summary === 'string' ? summary.trim() : '';
  return { id: wf as ChatActionId, value: target, ...(text ? { summary: text } : {}) };
}
