// What a shift handover's chat card says, whatever platform draws it: who
// hands over which shift, what stays open (the first few, carried ones
// marked), and either the Accept button or who took it over. Plain text: each
// platform's renderer escapes it.
import type { Handover } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { CHAT_LIST_LIMIT, takeForChat } from './facts.js';
import type { ReplyAction } from './reply.js';

export interface HandoverCardFacts {
  title: string;
  summary: string;
  /** One line an open item, the first CHAT_LIST_LIMIT. */
  items: string[];
  /** "… N more", or null. */
  more: number | null;
  /** Who took over, once someone has. */
  accepted: string | null;
  actions: ReplyAction[];
}

export function handoverCardFacts(h: Handover, lang: Lang): HandoverCardFacts {
  const c = h.content;
  const carried = new Set(c.carriedOver.map((i) => i.id));
  const { shown, more } = takeForChat(c.openItems, CHAT_LIST_LIMIT);
  return {
    title: `Shift handover ${h.id}`,
    summary: `${h.issuedBy.name} hands over ${c.shift.from} – ${c.shift.until}: ${c.openItems.length} open (${c.carriedOver.length} carried over), ${c.incidents.opened.length} opened and ${c.incidents.resolved.length} resolved in the shift, ${c.pendingApprovals.length} approvals waiting`,
    items: shown.map((i) => `${i.id} ${i.kind}${i.severity ? ` ${i.severity}` : ''}${i.siteId ? ` at ${i.siteId}` : ''}: ${i.title} — ${i.state}${carried.has(i.id) ? ' (carried over)' : ''}`),
    more: more || null,
    accepted: h.acceptedAt && h.acceptedBy ? `Accepted by ${h.acceptedBy.name} at ${h.acceptedAt}` : null,
    actions: h.acceptedAt ? [] : [{ id: 'handover', label: labelsFor(lang).t('acceptHandover'), value: h.id, style: 'primary' }],
  };
}
