// The chat bots as `watchfloor bot` starts them: the entry (src/main.ts) hands
// this module to the command as a loader, so src/commands never imports
// src/bot. It reads what needs the bot's own types — the identity map, the
// card routes — and loads each platform's SDK (Bolt, botbuilder) only when
// that platform starts.
import type { ChatBotsModule } from '../commands/bot/chat-bots-module.js';
import { loadIdentityMap } from './identity-file.js';
import { cardRouting } from './cards/card-routes.js';

export const chatBots: ChatBotsModule = {
  prepare(setup) {
    const identities = loadIdentityMap(setup.identitiesFile);
    const routing = setup.cards ? cardRouting(setup.cards.channel, setup.cards.routes) : undefined;
    const teamsRouting = setup.teamsCards ? cardRouting(setup.teamsCards.conversation, setup.teamsCards.routes, 'teams') : undefined;
    return {
      async startSlack(options) {
        const { createSlackBot } = await import('./slack/app.js');
        const bot = createSlackBot({ ...options, identities });
        const { url } = await bot.start();
        return { ...(url ? { url } : {}), stop: () => bot.stop() };
      },
      async startCards(options) {
        if (!routing) throw new Error('incident cards started without a cards channel');
        const { startIncidentCards } = await import('./slack/notifier.js');
        const cards = startIncidentCards({ ...options, routing });
        return { channel: routing.defaultChannel, stop: () => cards.stop() };
      },
      async startTeams(options) {
        const { startTeamsServer } = await import('./teams/server.js');
        return startTeamsServer({ ...options, identities });
      },
      async startTeamsCards(options) {
        if (!teamsRouting) throw new Error('Teams incident cards started without a conversation');
        const { startTeamsCards } = await import('./teams/notifier.js');
        const cards = startTeamsCards({ ...options, routing: teamsRouting });
        return { conversation: teamsRouting.defaultChannel, stop: () => cards.stop() };
      },
    };
  },
};
