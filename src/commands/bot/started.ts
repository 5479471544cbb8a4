// What `bot` says as each platform starts: a line per platform for a person,
// and with --json one document once everything listens (what a service
// manager or a test waits for).
import type { Severity } from '../../core/vocabulary.js';
import type { VerbPresenter } from '../verb.js';

export interface StartedBots {
  slack?: { url?: string; socketMode: boolean; cards?: { outbox: string } };
  teams?: { url: string; cards?: { outbox: string } };
}

export type BotEvent =
  | { type: 'slack'; url?: string; socketMode: boolean }
  | { type: 'cards'; channel: string; minSeverity: Severity; outbox: string }
  | { type: 'teams'; url: string }
  | { type: 'teams-cards'; conversation: string; minSeverity: Severity; outbox: string }
  | { type: 'started'; started: StartedBots };

export const startedPresenter: VerbPresenter<void, BotEvent> = {
  text: () => '',
  json: () => undefined,
  events: {
    text(event) {
      switch (event.type) {
        case 'slack':
          return event.url ? `slack bot listening on ${event.url}` : 'slack bot connected over Socket Mode';
        case 'cards':
          return `incident cards (${event.minSeverity} and above) to ${event.channel}; outbox ${event.outbox}`;
        case 'teams':
          return `teams bot listening on ${event.url}`;
        case 'teams-cards':
          return `teams incident cards (${event.minSeverity} and above) to ${event.conversation}; outbox ${event.outbox}`;
        case 'started':
          return undefined;
      }
    },
    json: (event) => (event.type === 'started' ? event.started : undefined),
  },
};
