// The "done when" for shift handovers: a handover issued by one
// officer (the built CLI, posting it to a Slack channel) and accepted by
// another from chat (the Accept handover button on the card, pressed through
// a real Bolt app taking signed requests): both steps in the audit log, and
// the open items carried into the next handover, issued from chat. Beside it,
// what chat refuses: the issuer's own press (her Slack user is mapped to her
// name, so the hub counts her once) and a viewer's press.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIncidentCards, type IncidentCards } from '../../src/bot/slack/notifier.js';
import type { Handover } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { blockActionBody, FORM, postSigned, signSlackBody, slashCommandBody } from '../helpers/slack-signing.js';
import { REPLY_WAIT_MS, startSlackBotFixture, VIEWER, type SlackBotFixture } from './slack-fixture.js';

const SECRET = 'test-signing-secret-handover-0123';
const AISHA_IN_SLACK = 'U0AISHA';
const OMAR = 'U0OMAR';
const HANDOVERS = 'C0HANDOVER';

let fx: SlackBotFixture;
let url: string;
let cards: IncidentCards;
let cli: CliEnv;
let aishaToken: string;

beforeAll(async () => {
  fx = await startSlackBotFixture(
    { signingSecret: SECRET, host: '127.0.0.1', port: 0 },
    { users: { [`slack:${AISHA_IN_SLACK}`]: { name: 'aisha', role: 'officer' }, [`slack:${OMAR}`]: { name: 'Omar', role: 'officer' } } },
  );
  url = (await fx.bot.start()).url!;
  const cardsBot = await fx.hub.clientAs('officer', 'cards-bot', { bot: true });
  cards = startIncidentCards({
    hub: { hubUrl: fx.hub.url, token: cardsBot.secret },
    slackToken: 'xoxb-test',
    slackApiUrl: fx.slack.url,
    outboxFile: ':memory:',
    routing: { defaultChannel: 'C0INCIDENTS' },
    outboxBackoffMs: { base: 50, max: 500 },
    reconnectBackoffMs: { min: 50, max: 300 },
    log: (line: string) => fx.logs.push(line),
  });
  cli = cliEnv();
  aishaToken = (await fx.admin.createToken({ name: 'aisha', role: 'officer' })).secret;
}, 30_000);

afterAll(async () => {
  await cards?.stop();
  await fx?.stop();
  cli?.cleanup();
});

/** A signed request from Slack; resolves with the answer posted to its response_url. */
async function signed(body: string): Promise<string> {
  const replies = fx.replies();
  expect(await postSigned(url, signSlackBody(SECRET, body, FORM))).toBe(200);
  await replies.wait(1);
  return JSON.stringify(replies.list()[0]!.args);
}
const press = (value: string, userId: string) => signed(blockActionBody({ actionId: 'wf:handover', value, userId, responseUrl: fx.slack.responseUrl() }));
const command = (text: string, userId: string) => signed(slashCommandBody({ text, userId, responseUrl: fx.slack.responseUrl() }));

const cardOf = (id: string) => [...fx.slack.messages.values()].find((m) => m.channel === HANDOVERS && JSON.stringify(m.blocks).includes(id));
const auditOf = async (action: string, target: string) => (await fx.admin.listAudit({ limit: 500 })).filter((e) => e.action === action && e.target === target);

describe('a shift handover from the CLI to Slack and back', () => {
  it('issued by one officer, accepted by another from chat: both in the audit log, open items carried into the next handover', async () => {
    const open = await fx.newIncident('handover: e-gates down at RUH');

    // Aisha issues it from the terminal and has the bot post it.
    const issuedRun = await runCli(['handover', '--shift', '8h', '--post', HANDOVERS, '--json'], { ...cli.env, WATCHFLOOR_HUB: fx.hub.url, WATCHFLOOR_TOKEN: aishaToken });
    expect(issuedRun.code, issuedRun.stderr).toBe(0);
    const issued = (JSON.parse(issuedRun.stdout) as { handover: Handover }).handover;
    expect(issued.content.openItems.map((i) => i.id)).toContain(open.id);

    // The card, with the Accept handover button carrying its id.
    await fx.slack.waitFor(() => JSON.stringify(cardOf(issued.id)?.blocks ?? []).includes('"action_id":"wf:handover"'), REPLY_WAIT_MS);
    expect(JSON.stringify(cardOf(issued.id)!.blocks)).toContain(`"value":"${issued.id}"`);

    // Aisha herself in Slack, and a viewer, are refused; nothing changes.
    expect(await press(issued.id, AISHA_IN_SLACK)).toContain('another officer');
    expect(await press(issued.id, VIEWER)).toMatch(/forbidden|not allowed|officer/i);
    expect((await fx.admin.getHandover(issued.id)).acceptedAt).toBeNull();

    // Omar takes it over from the card.
    expect(await press(issued.id, OMAR)).toContain('accepted by Omar (slack:U0OMAR)');
    const accepted = await fx.admin.getHandover(issued.id);
    expect(accepted).toMatchObject({ acceptedBy: { name: 'Omar (slack:U0OMAR)' }, acceptedChannel: 'slack', hash: issued.hash });

    // Both steps in the audit log: the issue from the CLI by Aisha, the acceptance in Slack for Omar.
    expect(await auditOf('handover.issue', issued.id)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: 'aisha' }), channel: 'cli', detail: expect.objectContaining({ hash: issued.hash, post: HANDOVERS }) })]);
    expect(await auditOf('handover.accept', issued.id)).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ name: 'Omar (slack:U0OMAR)' }), channel: 'slack', detail: expect.objectContaining({ hash: issued.hash, onBehalfOf: 'slack:U0OMAR (Omar)' }) }),
    ]);

    // The card follows: who took over, and no button left to press.
    await fx.slack.waitFor(() => JSON.stringify(cardOf(issued.id)?.blocks ?? []).includes('Accepted by Omar'), REPLY_WAIT_MS);
    expect(JSON.stringify(cardOf(issued.id)!.blocks)).not.toContain('wf:handover');

    // Omar's own shift ends: the next handover, issued from chat, carries what is still open.
    expect(await command('handover --shift 8h', OMAR)).toContain('Shift handover');
    const next = await fx.admin.getHandover();
    expect(next).toMatchObject({ issuedBy: { name: 'Omar (slack:U0OMAR)' }, content: { previousId: issued.id } });
    expect(next.content.carriedOver.map((i) => i.id)).toContain(open.id);
  }, 60_000);
});
