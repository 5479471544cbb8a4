// Live cards of playbook runs in Slack, beside the incident cards and through
// the same claims, fence and outbox (card-posts.ts): a run started from chat,
// or run for an incident that has a card here, gets a card in the channels
// its site routes to and its incident's card is in, updated in place as its
// steps go; while it waits on an approval the card carries Approve and Reject,
// and goes to the approvers' channel of a role the step names, when one is
// configured (`--cards-route role:supervisor=C0…`). Who may press is the hub's to say.
// A notify step's messages are posted here too, each once.
import type { CoreClient } from '../../core/client.js';
import type { HubEvent, PlaybookRunDetail, Role, Site } from '../../core/model.js';
import type { Lang } from '../../render/labels.js';
import { renderNotification, renderRunCard } from './blocks.js';
import { cardKey } from '../cards/card-claims.js';
import type { CardPosts } from '../cards/card-posts.js';
import { channelsFor, type IncidentCardRouting } from '../cards/routing.js';

const RUN_ID = /^RUN-\d{6,}$/;
export const isRunId = (id: string): boolean => RUN_ID.test(id);

const CHAT_CHANNELS: readonly string[] = ['slack', 'teams'];
// A card's place is a channel id; `C…#slot` is a one-off message in that channel.
const isChannel = (place: string): boolean => !place.includes('#');

export interface RunCardsOptions {
  client: CoreClient;
  posts: CardPosts;
  lang: Lang;
  log: (line: string) => void;
  routing: IncidentCardRouting;
  siteOf(siteId: string | null): Promise<Site | undefined>;
}

/** The roles the approval step a run waits on names, if it waits on one. */
function awaitedRoles(detail: PlaybookRunDetail): readonly Role[] {
  const { run } = detail;
  if (run.status !== 'waiting' || run.waitingOn !== 'approval') return [];
  const step = detail.definition.steps.find((s) => s.id === run.currentStep);
  return step?.type === 'approval' ? step.roles : [];
}

export function runCards(options: RunCardsOptions) {
  const { client, posts, lang } = options;

  /** Where the run's card belongs now; channels it is already in stay. */
  async function channelsOf(detail: PlaybookRunDetail): Promise<string[]> {
    const { run } = detail;
    const channels = new Set(posts.channelsOf(run.id).filter(isChannel));
    const incidentCards = run.incidentId ? posts.channelsOf(run.incidentId).filter(isChannel) : [];
    for (const c of incidentCards) channels.add(c);
    if (CHAT_CHANNELS.includes(run.channel) || incidentCards.length) {
      if (!incidentCards.length) for (const c of channelsFor(options.routing, await options.siteOf(run.siteId))) channels.add(c);
      for (const role of awaitedRoles(detail)) {
        const approvers = options.routing.roles?.[role];
        if (approvers) channels.add(approvers);
      }
    }
    return [...channels];
  }

  /**
   * A notify step's message, posted once: claimed through the hub like a card
   * (the place `C…#nID`), so two bots never both post it, and a restart finds
   * it posted. A role's messages go to its approvers' channel, else the default.
   */
  async function notify(detail: PlaybookRunDetail): Promise<void> {
    for (const n of detail.notifications) {
      const channel = n.channel ?? options.routing.roles?.[n.role as Role] ?? options.routing.defaultChannel;
      const place = `${channel}#n${n.id}`;
      if (posts.has(detail.run.id, place)) continue;
      const message = renderNotification(n, lang);
      await posts.sync(detail.run.id, place, { key: cardKey(detail.run.id, place), channel, text: message.text, blocks: message.body as unknown[] }, 'once');
    }
  }

  return {
    async sync(runId: string): Promise<void> {
      const detail = await client.getRun(runId);
      await notify(detail);
      const channels = await channelsOf(detail);
      if (!channels.length) return;
      const card = renderRunCard(detail, lang);
      const stamp = JSON.stringify(card);
      for (const channel of channels) {
        await posts.sync(runId, channel, { key: cardKey(runId, channel), channel, text: card.text, blocks: card.body as unknown[] }, stamp);
      }
    },

    onEvent(event: HubEvent): void {
      if (event.type === 'playbook.run') posts.schedule((event.data as { id: string }).id);
      else if (event.type === 'playbook.step' || event.type === 'playbook.notification') posts.schedule((event.data as { runId: string }).runId);
    },

    /** After a restart: the active runs, and the ended ones whose cards may not show their end. */
    async catchUp(): Promise<void> {
      for (const run of await client.listRuns({ state: 'active' })) posts.schedule(run.id);
      for (const card of await client.listCards()) if (isRunId(card.incidentId)) posts.schedule(card.incidentId);
    },
  };
}
