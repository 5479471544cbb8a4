// Issue 13, item 6: the Teams bot posts and updates incident cards on its own,
// as the Slack notifier does. A real hub, the Bot Connector stand-in on
// loopback and real notifiers (claims, outbox and all): one card per incident
// and conversation even with two notifiers, updated in place (the same
// activity) on ack and resolve, and no second card after a hub restart or an
// event-stream drop. Waits are bounded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { renderIncidentAdaptiveCard } from '../../src/bot/teams/cards.js';
import { startTeamsCards, type TeamsCards, type TeamsCardsOptions } from '../../src/bot/teams/notifier.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { CONNECTOR_TEST_TOKEN, startBotConnector, type BotConnectorStandIn } from '../helpers/bot-connector.js';
import { waitUntil } from '../helpers/wait-until.js';
import { firingAlert as alert, teamsCardsOptions } from './cards-fixture.js';

const RIYADH = '19:riyadh-desk@thread.tacv2';
const LAND = '19:land-ports@thread.tacv2';
const DEFAULT = '19:command-centre@thread.tacv2';
const RESTART_LAND = '19:land-ports-restart-test@thread.tacv2';
const ROUTING = { defaultChannel: DEFAULT, regions: { Riyadh: RIYADH }, kinds: { land: LAND } };

let hub: FixtureHub;
let connector: BotConnectorStandIn;
let botToken: string;
let alertmanager: CoreClient;
let officer: CoreClient;
let supervisor: CoreClient;
const running = new Set<TeamsCards>();

function notifier(extra: Partial<TeamsCardsOptions> = {}): TeamsCards {
  const cards = startTeamsCards({ ...teamsCardsOptions({ connectorUrl: connector.url, hubUrl: hub.url, botToken, routing: ROUTING }), ...extra });
  running.add(cards);
  return cards;
}

/** The cards the Connector holds for an incident in a conversation. */
const cardsOf = (incidentId: string, conversationId: string) =>
  [...connector.activities.values()].filter((a) => a.conversationId === conversationId && JSON.stringify(a.activity).includes(incidentId));
const postsOf = (incidentId: string, conversationId: string) =>
  connector.calls.filter((c) => c.method === 'POST' && c.status === 201 && c.conversationId === conversationId && JSON.stringify(c.body).includes(incidentId));
const cardBody = (a: { activity: Record<string, unknown> }) => (a.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content;

/** Resolves when the one card of the incident in the conversation is drawn from its state now. */
async function cardShowsNow(h: FixtureHub, incidentId: string, conversationId: string, timeoutMs = 8_000): Promise<void> {
  const want = JSON.stringify(renderIncidentAdaptiveCard((await h.admin.getIncident(incidentId)).incident, 'en').body);
  await waitUntil(() => cardsOf(incidentId, conversationId).some((a) => JSON.stringify(cardBody(a)) === want), {
    what: `the card of ${incidentId} in ${conversationId} to show its state`,
    timeoutMs,
    describe: () => JSON.stringify(cardsOf(incidentId, conversationId).map((a) => a.activity.summary)),
  });
}

beforeAll(async () => {
  hub = await startFixtureHub();
  connector = await startBotConnector();
  botToken = (await hub.clientAs('officer', 'teams-bot', { bot: true })).secret;
  alertmanager = await hub.clientAs('intake', 'alertmanager');
  officer = await hub.clientAs('officer', 'aisha', { channel: 'cli' });
  supervisor = await hub.clientAs('supervisor', 'sara', { channel: 'cli' });
});

afterEach(async () => {
  await Promise.all([...running].map((c) => c.stop()));
  running.clear();
  connector.setUnavailable(false);
});

afterAll(async () => {
  await hub?.stop();
  await connector?.close();
});

describe('Teams incident cards', () => {
  it('an incident opened → one Adaptive Card per routed conversation between two notifiers; acked, escalated, assigned, noted and resolved → the same activity updated in place', async () => {
    notifier({ instanceId: 'teams-a' });
    notifier({ instanceId: 'teams-b' });
    const id = (await alertmanager.ingestAlertmanager(alert('RUH', 'critical'))).created[0]!;
    await cardShowsNow(hub, id, RIYADH);
    const [card] = cardsOf(id, RIYADH);
    // Proactive, with the bot's Connector token, a new post (not a reply) in the conversation the routing names.
    expect(postsOf(id, RIYADH)[0]).toMatchObject({ authorization: `Bearer ${CONNECTOR_TEST_TOKEN}`, activityId: undefined });
    expect(card!.activity.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: expect.objectContaining({ type: 'AdaptiveCard' }) }]);
    // The hub holds the claim as a Teams card with the activity id.
    await waitUntil(async () => (await hub.admin.listCards({ incidentId: id })).some((c) => c.messageRef === card!.id), { what: 'the card recorded', timeoutMs: 5_000 });
    expect((await hub.admin.listCards({ incidentId: id })).map((c) => c.target)).toEqual([`teams:${RIYADH}`]);

    const putsOf = () => connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === RIYADH && c.activityId === card!.id);
    await officer.ack(id);
    await cardShowsNow(hub, id, RIYADH);
    await supervisor.escalate(id, 'queues past an hour');
    await cardShowsNow(hub, id, RIYADH);
    await supervisor.assign(id, 'sara');
    await cardShowsNow(hub, id, RIYADH);
    // A note changes no field the card shows, but is a new version: the card is sent again in place.
    const beforeNote = putsOf().length;
    await officer.note(id, 'vendor on the way');
    await waitUntil(() => putsOf().length > beforeNote, { what: 'the card updated after the note', timeoutMs: 5_000 });
    await supervisor.resolve(id, 'gates back');
    await cardShowsNow(hub, id, RIYADH);
    expect(postsOf(id, RIYADH)).toHaveLength(1);
    expect(cardsOf(id, RIYADH)).toEqual([expect.objectContaining({ id: card!.id })]);
    const puts = putsOf();
    expect(puts.length).toBeGreaterThanOrEqual(5);
    expect(puts.every((c) => c.status === 200)).toBe(true);
  }, 30_000);

  it('routes as Slack does: a land port to the kind conversation, below the threshold nothing', async () => {
    notifier();
    const land = (await alertmanager.ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
    const minor = (await alertmanager.ingestAlertmanager(alert('LND-BATHA', 'warning'))).created[0]!;
    await cardShowsNow(hub, land, LAND);
    expect(cardsOf(land, DEFAULT)).toEqual([]);
    expect(cardsOf(minor, LAND)).toEqual([]);
    expect(await hub.admin.listCards({ incidentId: minor })).toEqual([]);
  }, 20_000);

  it('outside text stays inert in the card: a title with markdown, a mention and a link is escaped', async () => {
    notifier();
    const hostile = alert('LND-BATHA', 'critical') as ReturnType<typeof alert> & { alerts: { annotations?: Record<string, string> }[] };
    hostile.alerts[0]!.annotations = { ...hostile.alerts[0]!.annotations, summary: '<at>everyone</at> [click](https://evil.example) **now**' };
    const id = (await alertmanager.ingestAlertmanager(hostile)).created[0]!;
    await cardShowsNow(hub, id, LAND);
    const text = JSON.stringify(cardBody(cardsOf(id, LAND)[0]!));
    // The title is there, its markup escaped (a backslash before each opener; doubled in JSON).
    expect(text).toContain(String.raw`\\<at\\>everyone`);
    expect(text).not.toContain('<at>everyone');
    expect(text).not.toContain('[click](https');
  }, 20_000);

  it('an event-stream drop and a Connector outage: the card still goes out once and catches up', async () => {
    const proxy = await startFaultProxy(hub.url);
    try {
      notifier({ hub: { hubUrl: proxy.url, token: botToken } });
      const id = (await alertmanager.ingestAlertmanager(alert('RUH', 'critical'))).created[0]!;
      await cardShowsNow(hub, id, RIYADH);
      const streams = () => proxy.passed.filter((r) => r.startsWith('GET /v1/events')).length;
      const before = streams();
      connector.setUnavailable(true);
      proxy.dropConnections();
      await officer.ack(id);
      await waitUntil(() => streams() > before, { what: 'the event stream opened again after the drop', timeoutMs: 5_000 });
      await waitUntil(() => connector.calls.some((c) => c.status === 503), { what: 'the update refused by a Connector outage', timeoutMs: 5_000 });
      connector.setUnavailable(false);
      await cardShowsNow(hub, id, RIYADH);
      expect(postsOf(id, RIYADH)).toHaveLength(1);
    } finally {
      await Promise.all([...running].map((c) => c.stop()));
      running.clear();
      await proxy.close();
    }
  }, 30_000);

  it('a hub restart: the notifier catches up without posting the card again', async () => {
    const first = await startFixtureHub();
    const port = Number(new URL(first.url).port);
    const token = (await first.clientAs('officer', 'teams-bot', { bot: true })).secret;
    const adminToken = first.adminToken!;
    const source = await first.clientAs('intake', 'alertmanager');
    // These hubs number their incidents from INC-000001 again, as the suite's
    // hub did: in a conversation of their own, this test's cards are never
    // confused with that hub's cards of the same ids (which once made one card
    // look posted twice, or a card look drawn before it was).
    const cards = notifier({ hub: { hubUrl: first.url, token }, routing: { defaultChannel: DEFAULT, kinds: { land: RESTART_LAND } } });
    const id = (await source.ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
    await cardShowsNow(first, id, RESTART_LAND);
    let second: FixtureHub | undefined;
    try {
      await first.closeKeepingData();
      second = await startFixtureHub({ dir: first.dir, adminToken, port });
      const cli = await second.clientAs('officer', 'aisha', { channel: 'cli' });
      await cli.ack(id);
      await cardShowsNow(second, id, RESTART_LAND);
      const opened = (await (await second.clientAs('intake', 'alertmanager-2')).ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
      await cardShowsNow(second, opened, RESTART_LAND);
      // Nothing still on its way that could post again once counted.
      await waitUntil(() => cards.outbox.pending().length + cards.outbox.settling().length === 0, { what: 'the outbox to empty', timeoutMs: 10_000 });
      expect(postsOf(id, RESTART_LAND)).toHaveLength(1);
      expect(postsOf(opened, RESTART_LAND)).toHaveLength(1);
    } finally {
      await Promise.all([...running].map((c) => c.stop()));
      running.clear();
      await second?.stop();
    }
  }, 40_000);
});
