// A shift handover as a Teams Adaptive Card, as the Slack card shows it: who
// hands over what, what stays open, and the Accept handover button (an
// Action.Submit the bot dispatches as the presser) — or who took it over.
// Every outside string is escaped.
import type { Handover } from '../../core/model.js';
import type { Lang } from '../../render/labels.js';
import { moreLine } from '../facts.js';
import { handoverCardFacts } from '../handover-facts.js';
import type { Rendered } from '../reply.js';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptive-card.js';
import { cardAction } from './cards.js';
import { escapeTeamsText as esc } from './markdown.js';

export function renderHandoverAdaptiveCard(h: Handover, lang: Lang): Rendered<AdaptiveCard> {
  const f = handoverCardFacts(h, lang);
  const text = `${f.title}: ${f.accepted ?? f.summary}`;
  const body = [
    heading(esc(f.title)),
    textBlock(esc(f.summary)),
    ...f.items.map((line) => textBlock(`• ${esc(line)}`, { spacing: 'none' })),
    ...(f.more ? [textBlock(esc(moreLine(f.more, lang)), { isSubtle: true })] : []),
    ...(f.accepted ? [textBlock(`✅ ${esc(f.accepted)}`, { weight: 'bolder' })] : []),
  ];
  return { text, body: adaptiveCard(lang, esc(text), body, f.actions.map((a) => cardAction(a, lang))) };
}
