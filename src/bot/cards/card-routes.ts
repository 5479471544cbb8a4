// `--cards-route region:Makkah=C0456` and `--cards-route kind:sea=C0789`: which
// chat channel gets the live incident cards of a region's or a kind of site's
// incidents, and `--cards-route role:supervisor=C0…` where a playbook run's
// approval request by that role goes too; `--teams-cards-route` the same with
// Teams conversation ids (regions and kinds: run cards are Slack's). Ids, not
// names: an update needs the id the card was posted to, and a renamed channel
// keeps its id.
import { UsageError } from '../../core/errors.js';
import { ROLES, SITE_KINDS, type Role, type SiteKind } from '../../core/vocabulary.js';
import type { CardPlatform } from './card-claims.js';
import type { IncidentCardRouting } from './routing.js';

const ROUTE = /^(region|kind|role):([^=]+)=(.+)$/;

const PLATFORMS = {
  slack: {
    id: /^[CG][A-Z0-9]{6,}$/,
    flags: { channel: '--cards-channel', route: '--cards-route' },
    what: 'a Slack channel id',
    hint: "use the id (C0123ABCD, from the channel's details in Slack), not its #name",
    roles: true,
    example: 'region:Makkah=C0456ABCD',
  },
  teams: {
    // A channel's (…@thread.tacv2, …@thread.skype) or a group chat's (…@thread.v2) conversation id.
    id: /^19:[^\s@]+@thread\.[a-z0-9]+$/i,
    flags: { channel: '--teams-cards-conversation', route: '--teams-cards-route' },
    what: 'a Teams conversation id',
    hint: "use the channel's conversation id, 19:…@thread.tacv2 (in Teams: the channel's … → Get link to channel, the part after /channel/, URL-decoded)",
    roles: false,
    example: 'region:Makkah=19:abc…@thread.tacv2',
  },
} as const;

export function cardRouting(defaultChannel: string, routes: readonly string[], platform: CardPlatform = 'slack'): IncidentCardRouting {
  const p = PLATFORMS[platform];
  const channelId = (text: string, flag: string): string => {
    const id = text.trim();
    if (!p.id.test(id)) throw new UsageError(`${flag}: "${id}" is not ${p.what}`, { hint: p.hint });
    return id;
  };
  const routing: IncidentCardRouting = { defaultChannel: channelId(defaultChannel, p.flags.channel), regions: {}, kinds: {}, roles: {} };
  const by = p.roles ? 'region:NAME=ID, kind:KIND=ID or role:ROLE=ID' : 'region:NAME=ID or kind:KIND=ID';
  for (const route of routes) {
    const match = ROUTE.exec(route.trim());
    if (!match || (match[1] === 'role' && !p.roles)) {
      throw new UsageError(`${p.flags.route}: cannot read "${route}"`, { hint: `write ${by}, e.g. ${p.example}` });
    }
    const [, kindOfRoute, key, channel] = match as unknown as [string, 'region' | 'kind' | 'role', string, string];
    const id = channelId(channel, p.flags.route);
    if (kindOfRoute === 'region') {
      routing.regions![key.trim()] = id;
    } else if (kindOfRoute === 'role') {
      const role = key.trim() as Role;
      if (!ROLES.includes(role)) throw new UsageError(`${p.flags.route}: "${key}" is not a role`, { hint: `use one of ${ROLES.join(', ')}` });
      routing.roles![role] = id;
    } else {
      const kind = key.trim() as SiteKind;
      if (!SITE_KINDS.includes(kind)) throw new UsageError(`${p.flags.route}: "${key}" is not a site kind`, { hint: `use one of ${SITE_KINDS.join(', ')}` });
      routing.kinds![kind] = id;
    }
  }
  return routing;
}
