// Issue 11, item 1: two bots on one channel post each incident's card once,
// across a Slack outage longer than a claim's lease, incidents that change
// during it, and one bot dying mid-outage. A real hub, the Slack stand-in on
// loopback, two real notifiers (each with its own outbox); successful
// chat.postMessage calls are counted from the stand-in's own log.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { Incident } from '../../src/core/model.js';
import { renderIncidentCard } from '../../src/bot/slack/blocks.js';
import type { IncidentCards, IncidentCardsOptions } from '../../src/bot/slack/notifier.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { startSlackApi, type SlackApiCall, type SlackApiStandIn } from '../helpers/slack-api.js';
import { waitUntil } from '../helpers/wait-until.js';
import { cardNotifiers, firingAlert, incidentPart } from './cards-fixture.js';

const CHANNEL = 'C0RIYADH';
// RUH's cards go to the Riyadh desk and the airports desk, JED's to the airports desk, Al Batha's to the default.
const ROUTING = { defaultChannel: 'C0DEFAULT', regions: { Riyadh: CHANNEL }, kinds: { air: 'C0AIRPORT' } } as const;
const CHANNELS_OF: Record<string, string[]> = { RUH: [CHANNEL, 'C0AIRPORT'], JED: ['C0AIRPORT'], 'LND-BATHA': ['C0DEFAULT'] };

// The timings — a 30 s lease renewed every 10 s, Slack down for 45 s — times SCALE (0.1 by
// default: 3 s, 1 s, 4.5 s; WATCHFLOOR_CARDS_SCALE=1 runs them as filed).
const SCALE = Number(process.env.WATCHFLOOR_CARDS_SCALE ?? 0.1);
const LEASE_MS = 30_000 * SCALE;
const RENEW_MS = 10_000 * SCALE;
const OUTAGE_MS = 45_000 * SCALE;

let hub: FixtureHub;
let slack: SlackApiStandIn;
let botToken: string;
let alertmanager: CoreClient;
let officer: CoreClient;
let supervisor: CoreClient;
let clockOffsetMs = 0;
const notifiers = cardNotifiers(() => ({ hubUrl: hub.url, botToken, slackApiUrl: slack.url, routing: ROUTING }));
const notifier = (instanceId: string, extra: Partial<IncidentCardsOptions> = {}): IncidentCards => notifiers.start({ instanceId, ...extra });
const stop = (cards: IncidentCards) => notifiers.stop(cards);
const alert = (site: string) => firingAlert(site, 'critical');

/** The lease, heartbeat and Slack token of one bot in the scaled scenario. */
const timing = (slackToken: string): Partial<IncidentCardsOptions> => ({ slackToken, leaseMs: LEASE_MS, renewEveryMs: RENEW_MS, outboxBackoffMs: { base: 100, max: 1_000 } });

/** How many cards (incident × channel) the incidents have. */
const cardCount = (incidents: { site: string }[]) => incidents.reduce((n, i) => n + CHANNELS_OF[i.site]!.length, 0);

/**
 * Retries that came less than a second after the 429 that refused the same post or update (the same
 * bot, method, channel and message). Other calls of the bot may arrive just after a 429 when they were on their way
 * before it heard of it (the stand-in and the bots share one event loop, so arrival times cannot tell).
 */
function retriesWithin429Pause(): string[] {
  const wrong: string[] = [];
  const sameCall = (c: SlackApiCall) =>
    [c.token, c.method, c.args.channel, c.args.ts, JSON.stringify((c.args.metadata as { event_payload?: unknown } | undefined)?.event_payload)].join(' ');
  slack.calls.forEach((limited, i) => {
    if (limited.status !== 429 || !['chat.postMessage', 'chat.update'].includes(limited.method)) return;
    const retry = slack.calls.slice(i + 1).find((c) => sameCall(c) === sameCall(limited));
    if (retry && retry.at - limited.at < 990) wrong.push(`${sameCall(limited)}: tried again ${retry.at - limited.at} ms after its 429`);
  });
  return wrong;
}

/** Successful chat.postMessage calls for the incident in the channel, from the stand-in's log. */
const postsOf = (id: string, channel = CHANNEL) => slack.successfulPosts().filter((c) => c.args.channel === channel && JSON.stringify(c.args).includes(id));
const messagesOf = (id: string, channel = CHANNEL) => [...slack.messages.values()].filter((m) => m.channel === channel && JSON.stringify(m.blocks ?? m.text).includes(id));
const shows = (incident: Incident) => (m: { blocks: unknown }) => incidentPart(m.blocks) === incidentPart(renderIncidentCard(incident, 'en').body);

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(Date.now() + clockOffsetMs) });
  slack = await startSlackApi();
  botToken = (await hub.clientAs('officer', 'slack-bot', { bot: true })).secret;
  alertmanager = await hub.clientAs('intake', 'alertmanager');
  officer = await hub.clientAs('officer', 'aisha', { channel: 'cli' });
  supervisor = await hub.clientAs('supervisor', 'sara', { channel: 'cli' });
});

afterEach(async () => {
  await notifiers.stopAll();
  slack.setUnavailable(false);
  slack.rateLimitEvery(0, 1);
  clockOffsetMs = 0;
});

afterAll(async () => {
  await hub?.stop();
  await slack?.close();
});

describe('two bots, one channel', () => {
  it(`${OUTAGE_MS / 1000} s of Slack down (503s, then refused connections) and a lease of ${LEASE_MS / 1000} s, 429 on every third call, incidents opening and changing during it, one bot killed mid-outage: one post per incident and channel, every card showing its incident's latest state`, async () => {
    const bots = { 'bot-a': notifier('bot-a', timing('xoxb-bot-a')), 'bot-b': notifier('bot-b', timing('xoxb-bot-b')) };
    slack.rateLimitEvery(3, 1);
    const incidents: { id: string; site: string }[] = [];
    const open = async (site: string) => incidents.push({ id: (await alertmanager.ingestAlertmanager(alert(site))).created[0]!, site });

    // Before the outage: cards out, one acknowledged.
    for (const site of ['RUH', 'JED', 'LND-BATHA']) await open(site);
    await waitUntil(() => incidents.every(({ id, site }) => CHANNELS_OF[site]!.every((c) => postsOf(id, c).length > 0)), { what: 'the first cards', timeoutMs: 20_000 });
    await officer.ack(incidents[0]!.id);

    const outageStarted = Date.now();
    const down = slack.outage(OUTAGE_MS);
    for (const site of ['RUH', 'RUH', 'JED', 'LND-BATHA']) await open(site);
    await waitUntil(async () => (await hub.admin.listCards()).length >= cardCount(incidents), { what: 'every card claimed', timeoutMs: 5_000 });
    await officer.ack(incidents[3]!.id);
    await supervisor.escalate(incidents[1]!.id);

    // A third of the way into the outage, the bot holding most unposted cards dies: it never renews again.
    await waitUntil(() => Date.now() >= outageStarted + OUTAGE_MS / 3, { what: 'a third of the outage', timeoutMs: OUTAGE_MS });
    const unposted = (await hub.admin.listCards()).filter((c) => c.messageRef === null);
    const victim = (['bot-a', 'bot-b'] as const).reduce((x, y) => (unposted.filter((c) => c.claimedBy === y).length > unposted.filter((c) => c.claimedBy === x).length ? y : x));
    const survivor = victim === 'bot-a' ? 'bot-b' : 'bot-a';
    const orphaned = unposted.filter((c) => c.claimedBy === victim);
    expect(orphaned.length).toBeGreaterThan(0);
    await stop(bots[victim]);
    // Changes after its death: one of the orphaned cards' incidents, and one posted before the outage.
    await officer.ack(orphaned[0]!.incidentId);
    await officer.resolve(incidents[0]!.id, 'gates back after the outage');
    await down;
    const back = Date.now();

    const latestOf = async () => new Map((await Promise.all(incidents.map(({ id }) => hub.admin.getIncident(id)))).map(({ incident }) => [incident.id, incident]));
    let latest = await latestOf();
    const cardsShowLatest = () => incidents.every(({ id, site }) => CHANNELS_OF[site]!.every((c) => messagesOf(id, c).some(shows(latest.get(id)!))));
    await waitUntil(cardsShowLatest, { what: 'every card to show its incident as it stands', timeoutMs: 30_000 + 2 * OUTAGE_MS, intervalMs: 200 });
    const caughtUp = Date.now() - back;
    await bots[survivor].outbox.whenIdle();
    latest = await latestOf();
    const count = (method: string, status = 200) => slack.calls.filter((c) => c.method === method && c.status === status).length;
    console.info(
      `two bots, ${OUTAGE_MS / 1000} s outage, ${LEASE_MS / 1000} s lease: ${cardCount(incidents)} cards, ${orphaned.length} taken over from ${victim}; ` +
        `every card current ${caughtUp} ms after Slack came back; ${count('chat.postMessage')} posts, ${count('chat.update')} updates, ` +
        `${count('conversations.history')} history lookups, ${slack.calls.filter((c) => c.status === 429).length} 429s, ${slack.calls.filter((c) => c.status === 503).length} 503s`,
    );

    for (const { id, site } of incidents) {
      for (const channel of CHANNELS_OF[site]!) {
        expect(postsOf(id, channel), `successful posts of ${id} in ${channel}`).toHaveLength(1);
        expect(messagesOf(id, channel).map((m) => shows(latest.get(id)!)(m)), `${id}'s card in ${channel}`).toEqual([true]);
      }
    }
    // The dead bot's cards went to the survivor, fenced by a new generation, and were posted once.
    const handedOver = await hub.admin.listCards();
    for (const card of orphaned) {
      expect(handedOver.find((c) => c.incidentId === card.incidentId && c.target === card.target)).toMatchObject({ claimedBy: survivor, generation: card.generation + 1, messageRef: expect.any(String) });
    }
    expect(bots[survivor].outbox.deadLetters()).toEqual([]);
    expect(slack.calls.some((c) => c.status === 429)).toBe(true);
    expect(retriesWithin429Pause(), 'calls tried again less than 1 s after their 429').toEqual([]);
  }, 60_000 + 4 * OUTAGE_MS);

  it('a claim taken over while its holder still waits for Slack: the card is posted once and shows the latest state', async () => {
    // The holder's renewals do not reach the hub (the hub answers them 503 through a proxy) while Slack is down.
    const proxy = await startFaultProxy(hub.url);
    let partitioned = true;
    proxy.refuse({
      match: (method, path) => partitioned && method === 'POST' && path === '/v1/cards/renew',
      status: 503,
      body: { error: { code: 'unavailable', message: 'the hub cannot store anything now' } },
    });
    try {
      slack.setUnavailable(true);
      const a = notifier('bot-a', { hub: { hubUrl: proxy.url, token: botToken } });
      const id = (await alertmanager.ingestAlertmanager(alert('RUH'))).created[0]!;
      const claimOf = async () => (await hub.admin.listCards({ incidentId: id, target: `slack:${CHANNEL}` }))[0];
      await waitUntil(async () => (await claimOf())?.claimedBy === 'bot-a', { what: `bot-a to claim ${id}`, timeoutMs: 5_000 });
      const b = notifier('bot-b');
      // The hub's clock runs past the claim's 30 s while the holder's post waits in its outbox; the incident changes.
      clockOffsetMs = 31_000;
      const { incident: acked } = await officer.ack(id);
      await waitUntil(async () => (await claimOf())!.generation === 2, { what: `bot-b to take ${id}'s card over`, timeoutMs: 5_000 });
      expect(await claimOf()).toMatchObject({ claimedBy: 'bot-b', messageRef: null });
      // The holder reaches the hub again: its next renewal is refused (409), and its post is dropped, not sent.
      partitioned = false;
      slack.setUnavailable(false);
      await waitUntil(() => messagesOf(id).some(shows(acked)), { what: `${id}'s card to show the ack`, timeoutMs: 8_000, describe: () => `posts: ${postsOf(id).length}` });
      await Promise.all([a.outbox.whenIdle(), b.outbox.whenIdle()]);
      expect(postsOf(id)).toHaveLength(1);
      expect(messagesOf(id)).toHaveLength(1);
      expect(messagesOf(id).every(shows(acked))).toBe(true);
      expect(a.outbox.pending().filter((j) => j.key.includes(id))).toEqual([]);
      expect((await claimOf())!).toMatchObject({ claimedBy: 'bot-b', generation: 2, messageRef: messagesOf(id)[0]!.ts });
    } finally {
      await notifiers.stopAll();
      await proxy.close();
    }
  }, 30_000);
});
