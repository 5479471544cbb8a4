// A shift handover as a Slack card: who hands over what, what stays open,
// and the Accept handover button (which runs `handover accept HO-…` as the
// presser, actions.ts) — or, once taken over, who took it. Every outside
// string is escaped; the Slack limits are kept as blocks.ts keeps them.
import type { Handover } from '../../core/model.js';
import type { Lang } from '../../render/labels.js';
import { moreLine } from '../facts.js';
import { handoverCardFacts } from '../handover-facts.js';
import type { Rendered } from '../reply.js';
import { buttons, context, header, lineSections, section, type SlackBlock } from './blocks.js';
import { escapeMrkdwn, mrkdwn } from './mrkdwn.js';

export function renderHandoverCard(h: Handover, lang: Lang): Rendered<SlackBlock[]> {
  const f = handoverCardFacts(h, lang);
  const body: SlackBlock[] = [
    header(f.title),
    section(mrkdwn(f.summary, 2_000)),
    ...lineSections(f.items.map((line) => `• ${mrkdwn(line, 300)}`)),
    ...(f.more ? [context(escapeMrkdwn(moreLine(f.more, lang)))] : []),
    ...(f.accepted ? [context(`:white_check_mark: ${escapeMrkdwn(f.accepted)}`)] : buttons(f.actions)),
  ];
  return { text: escapeMrkdwn(`${f.title}: ${f.accepted ?? f.summary}`), body };
}
