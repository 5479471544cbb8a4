// Live cards of playbook runs in Slack, beside the incident cards and through
// the same claims, fence and outbox (card-posts.ts): a run started from chat,
// or run for an incident that has a card here, gets a card in the channels
// its site routes to and its incident's card is in, updated in place as its
// steps go; while it waits on an approval the card carries Approve and Reject,
// and goes to the approvers' channel of a role the step names, when one is
// configured (`--cards-route role:supervisor=C0…`). Who may press is the hub's to say.
import type { CoreClient } from '../../core/client.js';
import type { HubEvent, PlaybookRunDetail, Role, Site } from '../../core/model.js';
import type { Lang } from '../../render/labels.js';
import { renderRunCard } from './blocks.js';
import { cardKey } from './card-claims.js';
import type { CardPosts } from './card-posts.js';
import { channelsFor, type IncidentCardRouting } from './notifier-routing.js';

const RUN_ID = /^RUN-\d{6,}$/;
export const isRunId = (id: string): boolean => RUN_ID.test(id);

const CHAT_CHANNELS: readonly string[] = ['slack', 'teams'];

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
    const channels = new Set(posts.channelsOf(run.id));
    const incidentCards = run.incidentId ? posts.channelsOf(run.incidentId) : [];
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

  return {
    async sync(runId: string): Promise<void> {
      const detail = await client.getRun(runId);
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
      else if (event.type === 'playbook.step') posts.schedule((event.data as { runId: string }).runId);
    },

    /** After a restart: the active runs, and the ended ones whose cards may not show their end. */
    async catchUp(): Promise<void> {
      for (const run of await client.listRuns({ state: 'active' })) posts.schedule(run.id);
      for (const card of await client.listCards()) if (isRunId(card.incidentId)) posts.schedule(card.incidentId);
    },
  };
}
