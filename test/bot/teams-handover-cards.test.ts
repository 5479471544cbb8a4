// A shift handover posted to Teams (`--post teams:CONVERSATION`): the Teams
// notifier posts its card with the Accept handover button (an Action.Submit),
// the press goes through the bot's one dispatcher as the Teams user who
// pressed it — the issuer's own press refused — and the card then shows who
// took over, in place, without the button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAction } from '../../src/bot/actions.js';
import type { ChatSession } from '../../src/bot/session.js';
import { parseSubmitData } from '../../src/bot/teams/submit-data.js';
import { startTeamsCards, type TeamsCards } from '../../src/bot/teams/notifier.js';
import type { CoreClient } from '../../src/core/client.js';
import { startBotConnector, type BotConnectorStandIn } from '../helpers/bot-connector.js';
import { waitUntil } from '../helpers/wait-until.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { teamsCardsOptions } from './cards-fixture.js';

const HANDOVERS = '19:handover-desk@thread.tacv2';

let hub: FixtureHub;
let connector: BotConnectorStandIn;
let botToken: string;
let aisha: CoreClient;
let cards: TeamsCards;

beforeAll(async () => {
  hub = await startFixtureHub();
  connector = await startBotConnector();
  botToken = (await hub.clientAs('officer', 'teams-bot', { bot: true })).secret;
  aisha = await hub.clientAs('officer', 'aisha', { channel: 'cli' });
  cards = startTeamsCards(teamsCardsOptions({ connectorUrl: connector.url, hubUrl: hub.url, botToken, routing: { defaultChannel: '19:command-centre@thread.tacv2' } }));
}, 30_000);

afterAll(async () => {
  await cards?.stop();
  await connector?.close();
  await hub?.stop();
});

const session = (userId: string, name: string): ChatSession => ({
  user: { platform: 'teams', userId, watchfloorName: name, role: 'officer', lang: 'en' },
  hub: { hubUrl: hub.url, token: botToken },
});
const cardOf = (id: string) => [...connector.activities.values()].filter((a) => a.conversationId === HANDOVERS && JSON.stringify(a.activity).includes(id));
const cardText = (id: string) => JSON.stringify(cardOf(id).map((a) => a.activity.attachments));

describe('a handover card in Teams', () => {
  it('carries Accept handover, refuses the issuer, accepts another officer, and shows who took over', async () => {
    const issued = await aisha.issueHandover({ post: `teams:${HANDOVERS}` });
    await waitUntil(() => cardText(issued.id).includes('"wf":"handover"'), { what: 'the handover card with its button', timeoutMs: 10_000, describe: () => cardText(issued.id) });
    // What Teams sends back when the button is pressed.
    const pressed = parseSubmitData({ wf: 'handover', value: issued.id });
    expect(pressed).toEqual({ id: 'handover', value: issued.id });

    const own = await dispatchAction(pressed!, session('aad-aisha', 'aisha'));
    expect(own).toMatchObject({ kind: 'error', exitCode: 6 });
    expect((await hub.admin.getHandover(issued.id)).acceptedAt).toBeNull();

    const taken = await dispatchAction(pressed!, session('aad-omar', 'Omar'));
    expect(taken.kind, JSON.stringify(taken)).not.toBe('error');
    expect(await hub.admin.getHandover(issued.id)).toMatchObject({ acceptedBy: { name: 'Omar (teams:aad-omar)' }, acceptedChannel: 'teams' });

    await waitUntil(() => cardText(issued.id).includes('Accepted by Omar'), { what: 'the card to show who took over', timeoutMs: 10_000, describe: () => cardText(issued.id) });
    expect(cardOf(issued.id)).toHaveLength(1);
    expect(cardText(issued.id)).not.toContain('"wf":"handover"');
  }, 60_000);
});
