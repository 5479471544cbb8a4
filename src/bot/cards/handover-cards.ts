// Shift handover cards, beside the incident and run cards and through the same
// claims, fence and outbox (card-posts.ts): a handover issued with `--post
// CHANNEL` gets one card there, with the Accept handover button; once it is
// accepted (from chat, the CLI or the API) the card shows who took over and
// loses the button. Who may press is the hub's to say.
import { HANDOVER_ID } from '../../core/handover-rules.js';
import type { CoreClient } from '../../core/client.js';
import type { Handover, HandoverEvent, HubEvent } from '../../core/model.js';
import { cardKey } from './card-claims.js';
import type { CardPosts } from './card-posts.js';

export const isHandoverId = (id: string): boolean => HANDOVER_ID.test(id);

export interface HandoverCardsOptions {
  client: CoreClient;
  posts: CardPosts;
  render(handover: Handover): { text: string; body: unknown[] };
  /** This platform's channel for a `--post` target, or undefined when the target is another platform's. */
  placeOf(post: string): string | undefined;
}

export function handoverCards(options: HandoverCardsOptions) {
  const { client, posts } = options;
  /** Where each handover was asked to be posted (from its `handover.issued` event). */
  const postTo = new Map<string, string>();

  return {
    async sync(id: string): Promise<void> {
      const channels = new Set(posts.channelsOf(id));
      const asked = postTo.get(id);
      if (asked) channels.add(asked);
      if (!channels.size) return;
      const card = options.render(await client.getHandover(id));
      const stamp = JSON.stringify(card);
      for (const channel of channels) {
        await posts.sync(id, channel, { key: cardKey(id, channel), channel, text: card.text, blocks: card.body }, stamp);
      }
    },

    /** True when the event was a handover's. */
    onEvent(event: HubEvent): boolean {
      if (event.type !== 'handover.issued' && event.type !== 'handover.accepted') return false;
      const { handover, post } = event.data as HandoverEvent;
      const place = post ? options.placeOf(post) : undefined;
      if (place) postTo.set(handover.id, place);
      posts.schedule(handover.id);
      return true;
    },

    /** After a restart: the handover cards out, brought up to date (one accepted meanwhile loses its button). */
    async catchUp(): Promise<void> {
      for (const card of await client.listCards()) if (isHandoverId(card.incidentId)) posts.schedule(card.incidentId);
    },
  };
}
