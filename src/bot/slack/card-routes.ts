// `--cards-route region:Makkah=C0456` and `--cards-route kind:sea=C0789`: which
// Slack channel gets the live incident cards of a region's or a kind of site's
// incidents. Channel ids, not #names: chat.update needs the id the card was
// posted to, and a renamed channel keeps its id.
import { UsageError } from '../../core/errors.js';
import { SITE_KINDS, type SiteKind } from '../../core/vocabulary.js';
import type { IncidentCardRouting } from './notifier-routing.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
const ROUTE = /^(region|kind):([^=]+)=(.+)$/;

function channelId(text: string, flag: string): string {
  const id = text.trim();
  if (!CHANNEL_ID.test(id)) {
    throw new UsageError(`${flag}: "${id}" is not a Slack channel id`, {
      hint: 'use the id (C0123ABCD, from the channel\'s details in Slack), not its #name',
    });
  }
  return id;
}

export function cardRouting(defaultChannel: string, routes: readonly string[]): IncidentCardRouting {
  const routing: IncidentCardRouting = { defaultChannel: channelId(defaultChannel, '--cards-channel'), regions: {}, kinds: {} };
  for (const route of routes) {
    const match = ROUTE.exec(route.trim());
    if (!match) {
      throw new UsageError(`--cards-route: cannot read "${route}"`, { hint: 'write region:NAME=CHANNEL_ID or kind:KIND=CHANNEL_ID, e.g. region:Makkah=C0456ABCD' });
    }
    const [, by, key, channel] = match as unknown as [string, 'region' | 'kind', string, string];
    const id = channelId(channel, '--cards-route');
    if (by === 'region') {
      routing.regions![key.trim()] = id;
    } else {
      const kind = key.trim() as SiteKind;
      if (!SITE_KINDS.includes(kind)) {
        throw new UsageError(`--cards-route: "${key}" is not a site kind`, { hint: `use one of ${SITE_KINDS.join(', ')}` });
      }
      routing.kinds![kind] = id;
    }
  }
  return routing;
}
