// `--cards-route region:Makkah=C0456` and `--cards-route kind:sea=C0789`: which
// Slack channel gets the live incident cards of a region's or a kind of site's
// incidents, and `--cards-route role:supervisor=C0…` where a playbook run's
// approval request by that role goes too. Channel ids, not #names: chat.update needs the id the card was
// posted to, and a renamed channel keeps its id.
import { UsageError } from '../../core/errors.js';
import { ROLES, SITE_KINDS, type Role, type SiteKind } from '../../core/vocabulary.js';
import type { IncidentCardRouting } from '../cards/routing.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;
const ROUTE = /^(region|kind|role):([^=]+)=(.+)$/;

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
  const routing: IncidentCardRouting = { defaultChannel: channelId(defaultChannel, '--cards-channel'), regions: {}, kinds: {}, roles: {} };
  for (const route of routes) {
    const match = ROUTE.exec(route.trim());
    if (!match) {
      throw new UsageError(`--cards-route: cannot read "${route}"`, { hint: 'write region:NAME=CHANNEL_ID, kind:KIND=CHANNEL_ID or role:ROLE=CHANNEL_ID, e.g. region:Makkah=C0456ABCD' });
    }
    const [, by, key, channel] = match as unknown as [string, 'region' | 'kind' | 'role', string, string];
    const id = channelId(channel, '--cards-route');
    if (by === 'region') {
      routing.regions![key.trim()] = id;
    } else if (by === 'role') {
      const role = key.trim() as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--cards-route: "${key}" is not a role`, { hint: `use one of ${ROLES.join(', ')}` });
      routing.roles![role] = id;
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
