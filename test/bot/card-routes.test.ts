// The card routes as typed on `watchfloor bot`: Slack channel ids for Slack,
// Teams conversation ids for Teams, each refused on the other's flag with a
// hint that says where to find the right one.
import { describe, expect, it } from 'vitest';
import { cardRouting } from '../../src/bot/cards/card-routes.js';
import { channelsFor } from '../../src/bot/cards/routing.js';

const DESK = '19:a1b2c3d4e5@thread.tacv2';
const SEA = '19:f6e5d4c3b2@thread.tacv2';

describe('cardRouting for Teams', () => {
  it('reads conversation ids by region and kind, and routes as Slack does', () => {
    const routing = cardRouting(DESK, ['region:Makkah=' + SEA, 'kind:sea=' + SEA], 'teams');
    expect(routing).toMatchObject({ defaultChannel: DESK, regions: { Makkah: SEA }, kinds: { sea: SEA } });
    expect(channelsFor(routing, { region: 'makkah', kind: 'air' } as never)).toEqual([SEA]);
    expect(channelsFor(routing, undefined)).toEqual([DESK]);
  });

  it('refuses a Slack channel id, a #name and a role route, naming the Teams flag', () => {
    expect(() => cardRouting('C0123ABCD', [], 'teams')).toThrow('--teams-cards-conversation: "C0123ABCD" is not a Teams conversation id');
    expect(() => cardRouting(DESK, ['region:Riyadh=#riyadh'], 'teams')).toThrow('--teams-cards-route: "#riyadh" is not a Teams conversation id');
    expect(() => cardRouting(DESK, ['role:supervisor=' + SEA], 'teams')).toThrow('--teams-cards-route: cannot read "role:supervisor=');
  });

  it('leaves Slack as it was: channel ids, and role routes', () => {
    expect(() => cardRouting(DESK, [])).toThrow('--cards-channel: "19:a1b2c3d4e5@thread.tacv2" is not a Slack channel id');
    expect(cardRouting('C0DEFAULT', ['role:supervisor=C0SUPER01']).roles).toEqual({ supervisor: 'C0SUPER01' });
  });
});
