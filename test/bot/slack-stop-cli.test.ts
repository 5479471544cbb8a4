// `watchfloor bot` told to stop (SIGTERM, as a service manager does) while a
// channel's burst of commands waits for replies that Slack is slow to take:
// it exits on its own, well inside the time a service manager gives it, and
// every reply that did not go out is in its log with the command, the asker
// and the channel — never with a token, whether the bot's or one pasted in chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackBotCli, type SlackBotCli } from '../helpers/slack-bot-cli.js';
import { FORM, postSigned, signSlackBody, slashCommandBody } from '../helpers/slack-signing.js';
import { waitUntil } from '../helpers/wait-until.js';

const SECRET = 'stop-test-signing-secret';
const SLACK_TOKEN = 'xoxb-stop-test-0001';
const COMMANDS = 40;
const PASTED = 'xoxp-1234567890-pasted-in-chat';

let running: SlackBotCli;

beforeAll(async () => {
  running = await startSlackBotCli(() => [], { slackToken: SLACK_TOKEN, signingSecret: SECRET });
}, 40_000);

afterAll(async () => {
  await running?.stop();
});

const textOf = (i: number): string => (i === 0 ? `status RUH --token ${PASTED}` : i === 1 ? 'status RUH\nforged: line' : `status RUH #${i}`);

describe('watchfloor bot stopped with replies queued', () => {
  it('exits on SIGTERM, logging each reply not sent with its command, asker and channel, and no token', async () => {
    const { slack, bot, botToken } = running;
    slack.holdResponses(true);
    const statuses = await Promise.all(
      Array.from({ length: COMMANDS }, (_, i) =>
        postSigned(bot.value.slack.url, signSlackBody(SECRET, slashCommandBody({ text: textOf(i), userId: `U0ASKER${i % 5}`, responseUrl: slack.responseUrl(`stop${i}`) }), FORM)),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Some replies are under way (held at the response_url), the rest queued behind them.
    await slack.waitFor((calls) => calls.some((c) => c.method === 'response_url'), 15_000);

    bot.child.kill('SIGTERM');
    // A generous bound for a shared machine; the bench prints the actual stop time (goal < 10 s).
    const code = await waitUntil(() => bot.child.exitCode !== null && { exit: bot.child.exitCode }, { what: 'the bot to exit after SIGTERM', timeoutMs: 30_000, intervalMs: 100 });
    expect(code.exit).toBe(0);

    const log = bot.stderr();
    const unsent = log.split('\n').filter((line) => line.startsWith('Slack reply not sent'));
    expect(unsent).toHaveLength(COMMANDS);
    for (let i = 2; i < COMMANDS; i++) expect(unsent).toContain(`Slack reply not sent (the bot stopped): "/wf status RUH #${i}" from U0ASKER${i % 5} in C0OPS`);
    // Typed text stays on its line, and a pasted token is masked.
    expect(unsent).toContain('Slack reply not sent (the bot stopped): "/wf status RUH\\nforged: line" from U0ASKER1 in C0OPS');
    expect(unsent).toContain('Slack reply not sent (the bot stopped): "/wf status RUH --token xoxp-****" from U0ASKER0 in C0OPS');
    for (const secret of [PASTED, SLACK_TOKEN, botToken, SECRET, '/respond/']) expect(log).not.toContain(secret);
  }, 90_000);
});
