// Issue 11, item 2: one card the hub will not record must not stall every
// other message. A real hub, the Slack stand-in and the real notifier; the
// hub's refusal is real too (a record for a target nobody claimed, or one a
// loopback proxy in front of the hub refuses for good).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { startSlackApi, type SlackApiStandIn } from '../helpers/slack-api.js';
import { waitUntil } from '../helpers/wait-until.js';
import { cardNotifiers, firingAlert } from './cards-fixture.js';

let hub: FixtureHub;
let slack: SlackApiStandIn;
let botToken: string;
let alertmanager: CoreClient;

// RUH's cards go to C0ODDONE, which Slack answers with another id; JED's to the default.
const ROUTING = { defaultChannel: 'C0PLAIN01', regions: { Riyadh: 'C0ODDONE1' } };

const notifiers = cardNotifiers(() => ({ hubUrl: hub.url, botToken, slackApiUrl: slack.url, routing: ROUTING }));
// What is timed here is the outbox behind a stuck card, not the wait for grouping before a first card.
const notifier = (extra: Parameters<typeof notifiers.start>[0] = {}) => notifiers.start({ firstCardWaitMs: 0, ...extra });
const alert = (site: string) => firingAlert(site, 'critical');

const postsOf = (id: string) => slack.successfulPosts().filter((c) => JSON.stringify(c.args).includes(id));

beforeAll(async () => {
  hub = await startFixtureHub();
  slack = await startSlackApi();
  botToken = (await hub.clientAs('officer', 'slack-bot', { bot: true })).secret;
  alertmanager = await hub.clientAs('intake', 'alertmanager');
});

afterEach(async () => {
  await notifiers.stopAll();
});

afterAll(async () => {
  await hub?.stop();
  await slack?.close();
});

describe('a card the hub will not record', () => {
  it('Slack answering with another channel id than the one claimed: the next card leaves within a second, and the card is recorded where it was claimed', async () => {
    slack.answerChannelAs('C0ODDONE1', 'C0ELSEWH1');
    notifier();
    const odd = (await alertmanager.ingestAlertmanager(alert('RUH'))).created[0]!;
    await waitUntil(() => postsOf(odd).length === 1, { what: `the card of ${odd}`, timeoutMs: 5_000 });
    const next = (await alertmanager.ingestAlertmanager(alert('JED'))).created[0]!;
    const enqueuedBy = Date.now();
    await waitUntil(() => postsOf(next).length === 1, { what: `the card of ${next} behind ${odd}'s`, timeoutMs: 5_000 });
    expect(postsOf(next)[0]!.at - enqueuedBy).toBeLessThan(1_000);
    const ts = slack.successfulPosts().find((c) => JSON.stringify(c.args).includes(odd))!;
    await waitUntil(async () => (await hub.admin.listCards({ incidentId: odd }))[0]?.messageRef, { what: `the hub to record ${odd}'s card`, timeoutMs: 5_000 });
    const [card] = await hub.admin.listCards({ incidentId: odd });
    expect(card).toMatchObject({ target: 'slack:C0ODDONE1' });
    expect(ts.status).toBe(200);
  }, 20_000);

  it('the hub refusing a card’s record for good: that message is dead-lettered with the reason, at once, and the next leaves within a second', async () => {
    const proxy = await startFaultProxy(hub.url);
    try {
      const refused = (await alertmanager.ingestAlertmanager(alert('JED'))).created[0]!;
      const reason = `no card of ${refused} is claimed for slack:C0PLAIN01`;
      proxy.refuse({
        match: (method, path, body) => method === 'POST' && path === '/v1/cards/record' && body.includes(`"${refused}"`),
        status: 404,
        body: { error: { code: 'not_found', message: reason, hint: 'claim it first' } },
      });
      const cards = notifier({ hub: { hubUrl: proxy.url, token: botToken } });
      await waitUntil(() => cards.outbox.deadLetters().length === 1, { what: `${refused}'s record to be refused`, timeoutMs: 5_000 });
      expect(cards.outbox.deadLetters()).toMatchObject([{ key: `card:${refused}:C0PLAIN01`, kind: 'post', lastError: `not_found: ${reason}`, ts: expect.any(String) }]);
      expect(proxy.refused).toHaveLength(1);

      const next = (await alertmanager.ingestAlertmanager(alert('JED'))).created[0]!;
      const raised = Date.now();
      await waitUntil(() => postsOf(next).length === 1, { what: `the card of ${next}`, timeoutMs: 5_000 });
      expect(postsOf(next)[0]!.at - raised).toBeLessThan(1_000);
      await waitUntil(async () => (await hub.admin.listCards({ incidentId: next }))[0]?.messageRef, { what: `the hub to record ${next}'s card`, timeoutMs: 5_000 });
      // The refused one's message is out all the same, and the bot keeps it current.
      expect(postsOf(refused)).toHaveLength(1);
      await cards.outbox.whenIdle();
      expect(proxy.refused).toHaveLength(1);
    } finally {
      await notifiers.stopAll();
      await proxy.close();
    }
  }, 20_000);
});
