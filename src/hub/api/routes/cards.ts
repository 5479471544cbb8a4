// Chat cards: bots claim an incident's card before posting it, renew the
// claim while they are still trying to post, and record the message they
// posted, so the card is posted once and then updated in place.
import type { FastifyInstance } from 'fastify';
import { CardsQuery, ClaimCardInput, RecordCardInput, RenewCardInput } from '../../../core/model.js';
import { claimCard, recordCard, renewCard } from '../../cards/chat-cards.js';
import type { HubContext } from '../../context.js';
import { callerOf } from '../auth.js';
import { parseInput } from '../validate.js';

export function registerCardRoutes(app: FastifyInstance, ctx: HubContext): void {
  // Bots hold officer tokens; a claim is bookkeeping of the bot, not an officer's action, so it is not audited.
  // Writes take a bot's own token on top of the role (chat-cards.ts); anyone on duty may look.
  const officer = { config: { role: 'officer' as const } };

  app.get('/v1/cards', officer, async (request) => {
    const q = parseInput(CardsQuery, request.query, 'query');
    return { cards: await ctx.store.listChatCards(q) };
  });

  app.post('/v1/cards/claim', officer, async (request) => {
    const body = parseInput(ClaimCardInput, request.body, 'card claim');
    return claimCard(ctx, callerOf(request), body);
  });

  app.post('/v1/cards/renew', officer, async (request) => {
    const body = parseInput(RenewCardInput, request.body, 'card renewal');
    return { card: await renewCard(ctx, callerOf(request), body) };
  });

  app.post('/v1/cards/record', officer, async (request) => {
    const body = parseInput(RecordCardInput, request.body, 'card record');
    return { card: await recordCard(ctx, callerOf(request), body) };
  });
}
