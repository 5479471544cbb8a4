// `watchfloor bot --cards-channel …` as a child process, the way it runs on a
// server: an alert becomes one Slack card, and an officer acknowledging the
// incident with the CLI (another child process) updates that card in place.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { fixture, type FixtureHub } from '../hub/hub-fixture.js';
import { runCli, type CliEnv } from '../helpers/cli.js';
import type { SlackApiStandIn } from '../helpers/slack-api.js';
import { startSlackBotCli, type SlackBotCli } from '../helpers/slack-bot-cli.js';

const CHANNEL = 'C0CARDS01';

let hub: FixtureHub;
let slack: SlackApiStandIn;
let cli: CliEnv;
let running: SlackBotCli;
let alertmanager: CoreClient;
let officerToken: string;

beforeAll(async () => {
  const outbox = (c: CliEnv) => join(c.configDir, 'outbox.sqlite');
  running = await startSlackBotCli((c) => ['--cards-channel', CHANNEL, '--cards-route', 'kind:land=C0LAND001', '--outbox', outbox(c)], {
    slackToken: 'xoxb-test',
    signingSecret: 'signing-secret',
  });
  ({ hub, slack, cli } = running);
  alertmanager = await hub.clientAs('intake', 'alertmanager');
  officerToken = (await hub.clientAs('officer', 'aisha')).secret;
  expect(running.bot.value).toMatchObject({ slack: { cards: { outbox: outbox(cli) } } });
}, 40_000);

afterAll(async () => {
  await running?.stop();
});

describe('watchfloor bot with incident cards', () => {
  it('posts one card for a sev2 alert and updates it within 2 s of an ack from the CLI', async () => {
    const body = fixture('alertmanager-v4-firing.json') as { alerts: { labels: Record<string, string>; fingerprint: string }[] };
    body.alerts[0]!.labels = { ...body.alerts[0]!.labels, site: 'RUH', severity: 'sev2' };
    body.alerts[0]!.fingerprint = 'fp-bot-cli-1';
    const { created } = await alertmanager.ingestAlertmanager(body);
    const id = created[0]!;
    const mentions = (m: { channel: string; blocks: unknown }) => m.channel === CHANNEL && JSON.stringify(m.blocks).includes(id);
    await slack.waitFor(() => [...slack.messages.values()].some(mentions), 10_000).catch(async (e: Error) => {
      throw new Error(`${e.message}\nbot stderr: ${running.bot.stderr()}\ncards: ${JSON.stringify(await hub.admin.listCards({}))}\nincident: ${JSON.stringify(await hub.admin.getIncident(id))}`);
    });
    const card = [...slack.messages.values()].find(mentions)!;
    expect(card.updates).toBe(0);

    const ack = await runCli(['incidents', 'ack', id], { ...cli.env, WATCHFLOOR_TOKEN: officerToken });
    expect(ack.code, ack.stderr).toBe(0);
    const acked = Date.now();
    await slack.waitFor(() => card.updates > 0 && JSON.stringify(card.blocks).includes('aisha'), 2_000);
    expect(Date.now() - acked).toBeLessThanOrEqual(2_000);
    // The same alert again (Alertmanager repeats itself) posts no second card.
    await alertmanager.ingestAlertmanager(body);
    expect(slack.callsOf('chat.postMessage').filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
  }, 30_000);

  it('refuses a channel name where an id belongs, with a one-line usage error', async () => {
    const r = await runCli(['bot', '--cards-channel', '#general'], {
      ...cli.env,
      WATCHFLOOR_TOKEN: officerToken,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: slack.url,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^watchfloor: --cards-channel: "#general" is not a Slack channel id\n/);
  });

  it('refuses a route it cannot read', async () => {
    const r = await runCli(['bot', '--cards-channel', CHANNEL, '--cards-route', 'kind:airport=C0AIR0001'], {
      ...cli.env,
      WATCHFLOOR_TOKEN: officerToken,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'signing-secret',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"airport" is not a site kind');
  });
});
