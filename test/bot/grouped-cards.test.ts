// One card per cause: an alert storm grouped under one parent posts one
// Slack card (the parent's, with its child count), no card for a child, and
// the parent's card follows the storm in place. A real hub, the Slack
// stand-in and the real notifier.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { startSlackApi, type SlackApiStandIn } from '../helpers/slack-api.js';
import { cardNotifiers, firingAlert, type Webhook } from './cards-fixture.js';

let hub: FixtureHub;
let slack: SlackApiStandIn;
let botToken: string;
let alertmanager: CoreClient;

const notifiers = cardNotifiers(() => ({ hubUrl: hub.url, botToken, slackApiUrl: slack.url, routing: { defaultChannel: 'C0DEFAULT' } }));

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

/** The same alert (no asset) at each site, as one webhook. */
function storm(sites: string[], status: 'firing' | 'resolved', alertname = 'IdentityPlatformUnreachable'): Webhook {
  const alerts = sites.map((site) => {
    const a = firingAlert(site, 'major', `${alertname}-${site}`).alerts[0]!;
    a.labels = { alertname, severity: 'major', site };
    a.status = status;
    return a;
  });
  return { ...firingAlert('RUH', 'major'), alerts } as Webhook;
}

describe('cards of grouped incidents', () => {
  it('the same alert at three sites posts one card, the parent\'s, counting three; none for a child; resolved in place', async () => {
    notifiers.start();
    const sites = ['RUH', 'JED', 'LND-BATHA'];
    const result = await alertmanager.ingestAlertmanager(storm(sites, 'firing'));
    const parent = (await hub.admin.listIncidents({ state: 'open', children: false })).find((i) => i.grouping === 'window')!;
    expect(parent).toMatchObject({ childCount: 3 });
    await slack.waitFor(() => [...slack.messages.values()].some((m) => JSON.stringify(m.blocks).includes(parent.id)), 5_000);
    // Every child first opened (and its event went out) before the third site made them a group: still no card.
    const posted = slack.callsOf('chat.postMessage').map((c) => JSON.stringify(c.args));
    expect(posted.filter((p) => p.includes(parent.id))).toHaveLength(1);
    for (const id of result.created) if (id !== parent.id) expect(posted.some((p) => p.includes(id) && !p.includes(parent.id))).toBe(false);
    expect(posted.find((p) => p.includes(parent.id))).toMatch(/grouped under it[^}]*3/);

    await alertmanager.ingestAlertmanager(storm(sites, 'resolved'));
    expect((await hub.admin.getIncident(parent.id)).incident.state).toBe('resolved');
    await slack.waitFor(() => [...slack.messages.values()].some((m) => JSON.stringify(m.blocks).includes(parent.id) && JSON.stringify(m.blocks).includes('resolved')), 5_000);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('the same alert at three sites in three requests posts one card too: the first two wait for grouping before they page', async () => {
    notifiers.start();
    const sites = ['RUH', 'JED', 'LND-BATHA'];
    // One request a site, each answered once applied: the bot sees the first two open on their own, in frames of their own.
    const created: string[] = [];
    for (const site of sites) created.push(...(await alertmanager.ingestAlertmanager(storm([site], 'firing', 'BorderControlSystemDown'))).created);
    const parent = (await hub.admin.listIncidents({ state: 'open', children: false })).find((i) => i.grouping === 'window' && i.title.includes('BorderControlSystemDown'))!;
    expect(parent).toMatchObject({ childCount: 3 });
    const children = created.filter((id) => id !== parent.id);
    expect(children).toHaveLength(3);
    const cardsOf = (id: string) => slack.callsOf('chat.postMessage').filter((c) => JSON.stringify(c.args).includes(id));
    await slack.waitFor(() => cardsOf(parent.id).length > 0, 15_000);
    // An alert seen after them waits as long: once its card is out, theirs would have been too.
    const later = (await alertmanager.ingestAlertmanager(firingAlert('JED', 'major'))).created[0]!;
    await slack.waitFor(() => cardsOf(later).length > 0, 15_000);
    expect(cardsOf(parent.id)).toHaveLength(1);
    for (const id of children) expect(cardsOf(id).filter((c) => !JSON.stringify(c.args).includes(parent.id)), id).toEqual([]);
  }, 40_000);
});
