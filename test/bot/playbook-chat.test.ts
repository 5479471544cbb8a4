// A playbook run from Slack to the end, as the "done when" asks: a
// real Bolt app taking signed requests, the Slack Web API stand-in on
// loopback, a real hub, the cards notifier keeping the run's card, and two
// other people approving from the built CLI (child processes with tokens of
// their own). Beside it, what chat refuses: the requester's own Approve press,
// a person who approved from the CLI pressing Approve in Slack, a viewer's press.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRunCard } from '../../src/bot/slack/blocks.js';
import { startIncidentCards, type IncidentCards, type IncidentCardsOptions } from '../../src/bot/slack/notifier.js';
import type { PlaybookRunDetail } from '../../src/core/model.js';
import { catalogOf } from '../../src/hub/playbooks/catalog.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { blockActionBody, FORM, postSigned, signSlackBody, slashCommandBody } from '../helpers/slack-signing.js';
import { FAST_RUNNER, playbook, runWhen, status } from '../playbooks/playbook-hub.js';
import { OFFICER, REPLY_WAIT_MS, startSlackBotFixture, VIEWER, type SlackBotFixture } from './slack-fixture.js';

const SECRET = 'test-signing-secret-playbooks-0123';
const KHALID = 'U0KHALID';
const SARA_IN_SLACK = 'U0SARA';
const CARDS = 'C0PLAYBOOK';
const bi = (en: string) => ({ en, ar: `${en} (ar)` });

let fx: SlackBotFixture;
let url: string;
let cards: IncidentCards;
let cardsOptions: IncidentCardsOptions;
let cli: CliEnv;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const definitions = [
    playbook('isolate', [
      { id: 'agree', type: 'approval', roles: ['supervisor'], 'two-person': true },
      { id: 'cut', type: 'set-mode', site: 'RUH', mode: 'network-isolated' },
      { id: 'restore', type: 'set-mode', site: 'RUH', mode: 'normal' },
    ]),
    playbook('ruh-check', [{ id: 'tell', type: 'notify', channel: '#ops', message: bi('checking ${site}') }], { triggers: [{ match: { site: 'RUH' } }] }),
  ];
  fx = await startSlackBotFixture(
    { signingSecret: SECRET, host: '127.0.0.1', port: 0 },
    {
      users: {
        [`slack:${KHALID}`]: { name: 'Khalid', role: 'supervisor' },
        // Sara in Slack: the name of her own CLI token, so the hub counts her once.
        [`slack:${SARA_IN_SLACK}`]: { name: 'sara', role: 'supervisor' },
      },
      hub: { playbooks: catalogOf(definitions.map((definition) => ({ definition, source: 'test' }))), playbookRunner: FAST_RUNNER },
    },
  );
  url = (await fx.bot.start()).url!;
  const cardsBot = await fx.hub.clientAs('officer', 'cards-bot', { bot: true });
  cardsOptions = {
    hub: { hubUrl: fx.hub.url, token: cardsBot.secret },
    slackToken: 'xoxb-test',
    slackApiUrl: fx.slack.url,
    outboxFile: ':memory:',
    routing: { defaultChannel: CARDS },
    outboxBackoffMs: { base: 50, max: 500 },
    reconnectBackoffMs: { min: 50, max: 300 },
    log: (line: string) => fx.logs.push(line),
  };
  cards = startIncidentCards(cardsOptions);
  cli = cliEnv();
  for (const name of ['sara', 'layla']) tokens[name] = (await fx.admin.createToken({ name, role: 'supervisor' })).secret;
}, 30_000);

afterAll(async () => {
  await cards?.stop();
  await fx?.stop();
  cli?.cleanup();
});

const as = (who: string) => ({ ...cli.env, WATCHFLOOR_HUB: fx.hub.url, WATCHFLOOR_TOKEN: tokens[who]! });

/** A signed /wf from `userId`; resolves with its reply at the response_url. */
async function command(text: string, userId: string): Promise<Record<string, unknown>> {
  const replies = fx.replies();
  expect(await postSigned(url, signSlackBody(SECRET, slashCommandBody({ text, userId, responseUrl: fx.slack.responseUrl() }), FORM))).toBe(200);
  await replies.wait(1);
  return replies.list()[0]!.args;
}

/** A signed press of one of our buttons; resolves with the ephemeral answer. */
async function press(actionId: string, value: string, userId: string): Promise<Record<string, unknown>> {
  const replies = fx.replies();
  expect(await postSigned(url, signSlackBody(SECRET, blockActionBody({ actionId, value, userId, responseUrl: fx.slack.responseUrl() }), FORM))).toBe(200);
  await replies.wait(1);
  return replies.list()[0]!.args;
}

const runCardsOf = (runId: string) => [...fx.slack.messages.values()].filter((m) => m.channel === CARDS && JSON.stringify(m.blocks).includes(runId));
const postsOf = (runId: string) => fx.slack.successfulPosts().filter((c) => c.args.channel === CARDS && JSON.stringify(c.args.blocks).includes(runId));

async function cardShows(detail: PlaybookRunDetail): Promise<void> {
  const want = JSON.stringify(renderRunCard(detail, 'en').body);
  await fx.slack.waitFor(() => runCardsOf(detail.run.id).some((m) => JSON.stringify(m.blocks) === want), REPLY_WAIT_MS);
}

describe('a playbook run from Slack, approved from the CLI', () => {
  it('starts from /wf as the chat user, refuses the wrong presses, completes on two CLI approvals, and keeps one card up to date', async () => {
    const started = await command('playbook run isolate --site RUH --yes', KHALID);
    const runId = /RUN-\d{6}/.exec(JSON.stringify(started))?.[0];
    expect(runId, JSON.stringify(started)).toBeDefined();
    const waiting = await runWhen(fx.admin, runId!, 'the run to wait for approval', status('waiting', 'approval'));
    expect(waiting.run).toMatchObject({ channel: 'slack', startedBy: { name: 'Khalid (slack:U0KHALID)' } });
    // The reply is the run card, with the buttons that decide the step it waits on.
    expect(JSON.stringify(started.blocks)).toContain(`"value":"${runId} agree"`);

    // The card, in the cards channel, waiting on the approval with Approve and Reject.
    await cardShows(waiting);
    const [card] = runCardsOf(runId!);
    expect(JSON.stringify(card!.blocks)).toContain('"action_id":"wf:approve"');

    // The requester's own press, a viewer's, an officer's: each refused, saying why; nothing decided.
    expect(String((await press('wf:approve', `${runId} agree`, KHALID)).text)).toMatch(/needs two people other than its requester; Khalid \(slack:U0KHALID\) \(through slack-bot\) started this run/);
    expect(String((await press('wf:approve', `${runId} agree`, VIEWER)).text)).toMatch(/needs the supervisor role; Visitor \(slack:U0VIEWER\) .*is viewer/);
    expect(String((await press('wf:approve', `${runId} agree`, OFFICER)).text)).toContain('needs the supervisor role');
    expect((await fx.admin.getRun(runId!)).approvals).toEqual([]);

    // Sara approves from her terminal; her press in Slack is the same person again.
    const sara = await runCli(['playbook', 'approve', runId!], as('sara'));
    expect(sara.code, sara.stderr).toBe(0);
    const again = await press('wf:approve', `${runId} agree`, SARA_IN_SLACK);
    expect(String(again.text)).toContain(`already approved step agree of ${runId} (as sara, through cli); one person counts once`);
    const half = await runWhen(fx.admin, runId!, 'one approval counted', (d) => d.run.reason?.endsWith('(1 of 2)') === true);
    await cardShows(half);

    // Layla from hers: two people, neither the requester. The run goes on to the end.
    const layla = await runCli(['playbook', 'approve', runId!], as('layla'));
    expect(layla.code, layla.stderr).toBe(0);
    const done = await runWhen(fx.admin, runId!, 'the run to succeed', status('succeeded'));
    expect(done.approvals.map((a) => [a.actor.name, a.channel])).toEqual([
      ['sara', 'cli'],
      ['layla', 'cli'],
    ]);

    // One card, posted once, updated in place (chat.update on its ts) until it showed the run succeeded, with no buttons left.
    await cardShows(done);
    expect(postsOf(runId!)).toHaveLength(1);
    const final = runCardsOf(runId!);
    expect(final).toHaveLength(1);
    expect(final[0]!.updates).toBeGreaterThanOrEqual(2);
    const updates = fx.slack.callsOf('chat.update').filter((c) => JSON.stringify(c.args.blocks).includes(runId!));
    expect(new Set(updates.map((c) => c.args.ts))).toEqual(new Set([final[0]!.ts]));
    expect(JSON.stringify(final[0]!.blocks)).toContain('succeeded');
    expect(JSON.stringify(final[0]!.blocks)).not.toContain('wf:approve');
    // The hub holds the card's message: a restarted bot updates it rather than posting another.
    expect(await fx.admin.listCards({ incidentId: runId! })).toEqual([expect.objectContaining({ target: `slack:${CARDS}`, messageRef: final[0]!.ts })]);
  }, 60_000);
});

describe('a playbook the hub proposes, on an incident card', () => {
  it('offers a Run playbook button; a press shows the plan and starts nothing, a viewer is refused, the second press starts it as the presser', async () => {
    const incident = await fx.newIncident('e-gates down in hall 2');
    await fx.slack.waitFor(() => [...fx.slack.messages.values()].some((m) => m.channel === CARDS && JSON.stringify(m.blocks).includes(`"value":"ruh-check ${incident.id}"`)), REPLY_WAIT_MS);
    const before = (await fx.admin.listRuns()).length;

    const refused = await press('wf:playbook', `ruh-check ${incident.id}`, VIEWER);
    expect(String(refused.text)).toMatch(/officer/);
    const plan = await press('wf:playbook', `ruh-check ${incident.id}`, OFFICER);
    expect(JSON.stringify(plan.blocks)).toContain('tell channel #ops: checking RUH');
    const start = (plan.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'wf:run');
    expect(start?.value).toBe(`playbook run ruh-check --incident ${incident.id} --yes`);
    expect((await fx.admin.listRuns()).length).toBe(before);

    // A second bot beside the first: still one run card, and the notify step's message once.
    const second = startIncidentCards({ ...cardsOptions, instanceId: 'second-bot' });
    try {
      const started = await press('wf:run', start!.value, OFFICER);
      const runId = /RUN-\d{6}/.exec(JSON.stringify(started))?.[0];
      const done = await runWhen(fx.admin, runId!, 'the run to succeed', status('succeeded'));
      expect(done.run).toMatchObject({ incidentId: incident.id, channel: 'slack', startedBy: { name: 'Ahmed (slack:U0OFFICER)' } });
      await cardShows(done);
      await fx.slack.waitFor(() => fx.slack.successfulPosts().some((c) => c.args.channel === '#ops' && String(c.args.text).includes('checking RUH')), REPLY_WAIT_MS);
      const hubCards = await fx.admin.listCards({ incidentId: runId! });
      await waitUntil(async () => (await fx.admin.listCards({ incidentId: runId! })).every((c) => c.messageRef !== null), { what: 'both cards recorded', timeoutMs: REPLY_WAIT_MS });
      expect(hubCards.map((c) => c.target).sort()).toEqual([`slack:#ops#n${done.notifications[0]!.id}`, `slack:${CARDS}`]);
      expect(fx.slack.successfulPosts().filter((c) => c.args.channel === '#ops' && String(c.args.text).includes('checking RUH'))).toHaveLength(1);
      expect(postsOf(runId!)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 30_000);

  it('refuses a button value that is not its shape, before anything reaches the hub', async () => {
    const answer = await press('wf:approve', 'RUN-000001 agree --step cut', OFFICER);
    expect(String(answer.text)).toContain('not what an approve button carries');
  });
});
