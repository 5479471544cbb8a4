// Live incident cards end to end: a real hub, the Slack stand-in and the real
// notifier (outbox included). Waits are bounded; what is asserted is that the
// card was posted once and updated, not how fast.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { Incident } from '../../src/core/model.js';
import { renderIncidentCard } from '../../src/bot/slack/blocks.js';
import { startIncidentCards } from '../../src/bot/slack/notifier.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { startSlackApi, type SlackApiStandIn } from '../helpers/slack-api.js';
import { waitUntil } from '../helpers/wait-until.js';
import { cardNotifiers, firingAlert as alert, incidentPart } from './cards-fixture.js';

let hub: FixtureHub;
let slack: SlackApiStandIn;
let botToken: string;
let alertmanager: CoreClient;
let officerCli: CoreClient;

const ROUTING = { defaultChannel: 'C0DEFAULT', regions: { Riyadh: 'C0RIYADH' }, kinds: { land: 'C0LAND' } };

const notifiers = cardNotifiers(() => ({ hubUrl: hub.url, botToken, slackApiUrl: slack.url, routing: ROUTING }));
const notifier = notifiers.start;

const posts = (channel?: string) => slack.callsOf('chat.postMessage').filter((c) => !channel || c.args.channel === channel);
const cardOf = (channel: string, incidentId: string) =>
  [...slack.messages.values()].filter((m) => m.channel === channel && JSON.stringify(m.blocks ?? m.text).includes(incidentId));

/** Resolves when the card in `channel` shows `incident` as rendered, or fails after `timeoutMs`. */
async function cardShows(channel: string, incident: Incident, timeoutMs = 5_000): Promise<void> {
  const want = incidentPart(renderIncidentCard(incident, 'en').body);
  await slack.waitFor(() => cardOf(channel, incident.id).some((m) => incidentPart(m.blocks) === want), timeoutMs);
}

/** Resolves once the hub holds the card's message ts (the notifier records it after delivery). */
async function recorded(incidentId: string, ts: string, timeoutMs = 5_000): Promise<void> {
  let cards: Awaited<ReturnType<CoreClient['listCards']>> = [];
  const holds = async () => {
    cards = await hub.admin.listCards({ incidentId });
    return cards.some((c) => c.messageRef === ts);
  };
  await waitUntil(holds, { what: `the hub to record ${ts} for ${incidentId}`, timeoutMs, intervalMs: 50, describe: () => `it holds ${JSON.stringify(cards)}` });
}

beforeAll(async () => {
  hub = await startFixtureHub();
  slack = await startSlackApi();
  botToken = (await hub.clientAs('officer', 'slack-bot', { bot: true })).secret;
  alertmanager = await hub.clientAs('intake', 'alertmanager');
  officerCli = await hub.clientAs('officer', 'aisha', { channel: 'cli' });
});

afterEach(async () => {
  await notifiers.stopAll();
});

afterAll(async () => {
  await hub?.stop();
  await slack?.close();
});

describe('incident cards', () => {
  it('a sev2 alert gets one card in its region channel; an ack in the CLI updates it in place within 2 s', async () => {
    notifier();
    const { created } = await alertmanager.ingestAlertmanager(alert('RUH', 'major'));
    const id = created[0]!;
    const { incident } = await hub.admin.getIncident(id);
    expect(incident.severity).toBe('sev2');
    await cardShows('C0RIYADH', incident);
    expect(posts('C0RIYADH').filter((c) => JSON.stringify(c.args).includes(id))).toHaveLength(1);
    const [message] = cardOf('C0RIYADH', id);
    await recorded(id, message!.ts);

    const { incident: acked } = await officerCli.ack(id);
    await cardShows('C0RIYADH', acked, 2_000);
    const [card] = cardOf('C0RIYADH', id);
    expect(card!.updates).toBeGreaterThanOrEqual(1);
    expect(posts().filter((c) => JSON.stringify(c.args).includes(id))).toHaveLength(1);
  });

  it('below the threshold no card; a land port goes to the kind channel, a site without a rule to the default', async () => {
    notifier();
    const low = (await alertmanager.ingestAlertmanager(alert('RUH', 'warning'))).created[0]!;
    const land = (await alertmanager.ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
    const jed = (await alertmanager.ingestAlertmanager(alert('JED', 'critical'))).created[0]!;
    await cardShows('C0LAND', (await hub.admin.getIncident(land)).incident);
    await cardShows('C0DEFAULT', (await hub.admin.getIncident(jed)).incident);
    expect((await hub.admin.getIncident(low)).incident.severity).not.toMatch(/sev[12]/);
    expect(await hub.admin.listCards({ incidentId: low })).toEqual([]);
  });

  it('50 alerts for the same incident make one card', async () => {
    const cards = notifier();
    const fingerprint = 'fifty-alerts';
    // Half raise the severity, so the incident changes while the card is being posted.
    await Promise.all(Array.from({ length: 50 }, (_, i) => alertmanager.ingestAlertmanager(alert('RUH', i < 25 ? 'major' : 'critical', fingerprint))));
    const [incident] = (await hub.admin.listIncidents({ state: 'open' })).filter((i) => i.fingerprint === fingerprint);
    expect(incident!.severity).toBe('sev1');
    await cardShows('C0RIYADH', incident!);
    await cards.outbox.whenIdle();
    expect(posts().filter((c) => JSON.stringify(c.args).includes(incident!.id))).toHaveLength(1);
    expect(await hub.admin.listCards({ incidentId: incident!.id })).toHaveLength(1);
  });

  it('two notifier instances on one hub post one card, and both keep it current', async () => {
    const a = notifier({ instanceId: 'bot-a' });
    const b = notifier({ instanceId: 'bot-b' });
    const id = (await alertmanager.ingestAlertmanager(alert('RUH', 'critical'))).created[0]!;
    await cardShows('C0RIYADH', (await hub.admin.getIncident(id)).incident);
    await Promise.all([a.outbox.whenIdle(), b.outbox.whenIdle()]);
    expect(posts().filter((c) => JSON.stringify(c.args).includes(id))).toHaveLength(1);
    const { incident: acked } = await officerCli.ack(id);
    await cardShows('C0RIYADH', acked, 2_000);
    expect(cardOf('C0RIYADH', id)).toHaveLength(1);
  });

  it('Slack answering 429 and then OK: the card still arrives', async () => {
    notifier();
    slack.rateLimit(1, 1, 'chat.postMessage');
    const before = slack.calls.length;
    const id = (await alertmanager.ingestAlertmanager(alert('RUH', 'critical'))).created[0]!;
    await cardShows('C0RIYADH', (await hub.admin.getIncident(id)).incident, 6_000);
    const tries = slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(cardOf('C0RIYADH', id)).toHaveLength(1);
  });

  it('a bot restarted while its post waits for Slack keeps its claim through an outage three leases long and posts once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-cards-restart-'));
    const outboxFile = join(dir, 'outbox.sqlite');
    const timing = { instanceId: 'restarting-bot', outboxFile, leaseMs: 1_500, renewEveryMs: 500 };
    try {
      slack.setUnavailable(true);
      const first = notifier(timing);
      const id = (await alertmanager.ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
      await waitUntil(() => first.outbox.pending().some((j) => j.kind === 'post' && j.attempts > 0), { what: `a try of ${id}'s card`, timeoutMs: 5_000 });
      await notifiers.stop(first);
      const second = notifier(timing);
      // Down for three of its leases after the restart: the claim holds only if the new process renews it.
      const restartedAt = Date.now();
      const rival = notifier({ instanceId: 'rival-bot', leaseMs: 1_500, renewEveryMs: 500 });
      await waitUntil(() => Date.now() >= restartedAt + 4_500, { what: 'three leases of Slack down', timeoutMs: 6_000 });
      expect((await hub.admin.listCards({ incidentId: id }))[0]).toMatchObject({ claimedBy: 'restarting-bot', generation: 1, messageRef: null });
      slack.setUnavailable(false);
      await cardShows('C0LAND', (await hub.admin.getIncident(id)).incident, 8_000);
      await Promise.all([second.outbox.whenIdle(), rival.outbox.whenIdle()]);
      expect(slack.successfulPosts().filter((c) => JSON.stringify(c.args).includes(id))).toHaveLength(1);
      await recorded(id, cardOf('C0LAND', id)[0]!.ts);
    } finally {
      slack.setUnavailable(false);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('incidents that happened while the bot was away get their cards when it starts', async () => {
    const id = (await alertmanager.ingestAlertmanager(alert('LND-BATHA', 'major'))).created[0]!;
    notifier();
    await cardShows('C0LAND', (await hub.admin.getIncident(id)).incident);
    expect(cardOf('C0LAND', id)).toHaveLength(1);
  });
});

describe('a hub outage', () => {
  it('the stream reconnects and catches up: an incident raised while the bot was cut off still gets its card', async () => {
    const first = await startFixtureHub();
    const port = Number(new URL(first.url).port);
    const token = (await first.clientAs('officer', 'slack-bot', { bot: true })).secret;
    const adminToken = first.adminToken!;
    const cards = startIncidentCards({
      hub: { hubUrl: first.url, token },
      slackToken: 'xoxb-test',
      slackApiUrl: slack.url,
      outboxFile: ':memory:',
      routing: ROUTING,
      reconnectBackoffMs: { min: 50, max: 300 },
    });
    let second: FixtureHub | undefined;
    try {
      await first.closeKeepingData();
      second = await startFixtureHub({ dir: first.dir, adminToken, port });
      const source = await second.clientAs('intake', 'alertmanager-2');
      const id = (await source.ingestAlertmanager(alert('LND-BATHA', 'critical'))).created[0]!;
      await cardShows('C0LAND', (await second.admin.getIncident(id)).incident, 8_000);
      expect(cardOf('C0LAND', id)).toHaveLength(1);
    } finally {
      await cards.stop();
      await second?.stop();
    }
  });
});
