// Chat cards: claimed through the hub, so two bots never post the same one.
import type { ChatCard, ClaimCardInput, ClaimCardResult, RecordCardInput, RenewCardInput } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function cardCalls(hub: HubConnection) {
  return {
    /** Claim the card of an incident in a chat target: `claimed` true means this caller posts it. */
    claimCard: (input: ClaimCardInput): Promise<ClaimCardResult> => hub.request('POST', '/v1/cards/claim', input),

    /** The holder is still trying to post: keep its claim (a ConflictError once another has taken it over). */
    renewCard: async (input: RenewCardInput): Promise<ChatCard> =>
      (await hub.request<{ card: ChatCard }>('POST', '/v1/cards/renew', input)).card,

    /** Record the message the holder posted, so later changes update it in place. */
    recordCard: async (input: RecordCardInput): Promise<ChatCard> =>
      (await hub.request<{ card: ChatCard }>('POST', '/v1/cards/record', input)).card,

    listCards: async (filter: { incidentId?: string | undefined; target?: string | undefined } = {}): Promise<ChatCard[]> =>
      (await hub.request<{ cards: ChatCard[] }>('GET', `/v1/cards${query(filter)}`)).cards,
  };
}

export type CardCalls = ReturnType<typeof cardCalls>;
