#!/usr/bin/env node
// Benchmark (not a test): the Slack bot under a channel's burst. Starts a demo
// hub, `watchfloor bot` (the built CLI, Slack over HTTP) whose Web API and
// response_url calls go to a local sink, and beside it a bare Bolt app that
// only acks (bench/bare-bolt.mjs). Each round sends 50 concurrent correctly
// signed `/wf status <site>` commands to each (which goes first alternates)
// and prints, round by round:
//   - the HTTP ack p99 of the bot and of bare Bolt, and their ratio (goal ≤ 1.5×);
//   - the time from sending a command to its reply reaching the response_url (goal p99 < 1 s).
// Then it queues 1,000 commands while Slack holds every reply (a slow
// response_url), sends SIGTERM and prints how long the bot took to stop
// (goal < 10 s) and how many replies it logged as not sent.
//   npm run build && node bench/bot-ack.mjs [--concurrent 50] [--rounds 5] [--warm-up 20] [--queued 1000]
// BOT_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/bot-prof' profiles the bot.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { Pool } from 'undici';
import { arg, fmt, ROOT, startCliUntilJson, startDemoHub, summarize } from './lib.mjs';

const CONCURRENT = arg('--concurrent', 50);
const ROUNDS = arg('--rounds', 5);
const WARM_UP = arg('--warm-up', 20);
const QUEUED = arg('--queued', 1000);
const SECRET = 'bench-signing-secret';
const SITES = ['RUH', 'JED', 'DMM', 'MED', 'AHB'];

// Slack's side: answers every Web API call like Slack, and notes when each
// command's reply arrives at its response_url (/respond/<n>). While held, the
// response_url answers nobody: replies pile up in the bot, as when Slack is slow.
function startSlackSink() {
  const replies = new Map();
  let held = false;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const m = /^\/respond\/(\d+)/.exec(req.url ?? '');
      if (m && held) return;
      if (m) replies.get(Number(m[1]))?.(performance.now());
      const body = (req.url ?? '').includes('auth.test') ? { ok: true, user_id: 'UBOT', team_id: 'TBENCH', bot_id: 'BBENCH' } : { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${server.address().port}`;
      resolve({
        apiUrl: `${base}/api/`,
        responseUrl: (n) => `${base}/respond/${n}`,
        /** Resolves with the time the reply for command n arrived. */
        replyFor: (n) => new Promise((r) => replies.set(n, r)),
        hold: () => (held = true),
        close: () => new Promise((r) => {
          server.closeAllConnections();
          server.close(r);
        }),
      });
    }),
  );
}

/** A bot token of the bot's own: only a token created for a bot may act for chat users. */
async function botToken(hub) {
  const res = await fetch(`${hub.url}/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench-slack-bot', role: 'officer', bot: true }),
  });
  if (res.status !== 201) throw new Error(`POST /v1/tokens -> ${res.status} ${await res.text()}`);
  return (await res.json()).secret;
}

async function startBot(hub, slackSink) {
  const env = { ...hub.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: await botToken(hub), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackSink.apiUrl };
  return startCliUntilJson(['bot', '--port', '0', '--json'], env, (line) => line.slack?.url, 30_000, process.env.BOT_NODE_ARGS ? process.env.BOT_NODE_ARGS.split(' ') : []);
}

async function startBareBolt(slackSink) {
  const env = { ...process.env, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackSink.apiUrl };
  return startCliUntilJson([], env, (line) => line.url, 30_000, [], join(ROOT, 'bench', 'bare-bolt.mjs'));
}

function signedCommand(n, responseUrl) {
  const body = new URLSearchParams({
    command: '/wf',
    text: `status ${SITES[n % SITES.length]}`,
    user_id: `UBENCH${n % 7}`,
    team_id: 'TBENCH',
    channel_id: 'CBENCH',
    api_app_id: 'ABENCH',
    response_url: responseUrl,
    trigger_id: `t${n}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } };
}

const hub = await startDemoHub();
const sink = await startSlackSink();
const bot = await startBot(hub, sink);
const bare = await startBareBolt(sink);
// Each target gets its own client pool, its connections reused round after
// round, as a reverse proxy in front of a bot would.
const targets = {
  bot: { url: new URL(bot.value), replies: true },
  bare: { url: new URL(bare.value), replies: false },
};
for (const t of Object.values(targets)) t.pool = new Pool(t.url.origin, { connections: CONCURRENT });

let n = 0;
/** One command to a target; resolves with its ack time and (for the bot) the time until its reply. */
async function send(target) {
  const i = n++;
  const { body, headers } = signedCommand(i, sink.responseUrl(i));
  const reply = target.replies ? sink.replyFor(i) : undefined;
  const t0 = performance.now();
  const res = await target.pool.request({ path: target.url.pathname, method: 'POST', headers, body });
  await res.body.dump();
  const acked = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`/wf → HTTP ${res.statusCode}`);
  return { acked, replied: reply ? (await reply) - t0 : undefined };
}

async function burst(target) {
  return Promise.all(Array.from({ length: CONCURRENT }, () => send(target)));
}

try {
  // Warm-up, one command at a time: a bot runs for days, and its first
  // commands after a start pay for loading and compiling its code.
  for (let w = 0; w < WARM_UP; w++) {
    await send(targets.bot);
    await send(targets.bare);
  }
  // Then one burst each, not counted: it opens each pool's connections, which
  // every round after reuses (the premise above) — otherwise round 1 alone
  // pays 50 TCP connects on each side and the bot's first concurrent leases.
  await burst(targets.bare);
  await burst(targets.bot);
  console.log(`${ROUNDS} rounds of ${CONCURRENT} concurrent signed /wf status commands, to the bot and to a bare Bolt app that only acks:`);
  const worst = { ratio: 0, reply: 0 };
  const allReplies = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? ['bare', 'bot'] : ['bot', 'bare'];
    const results = {};
    for (const name of order) results[name] = await burst(targets[name]);
    const botAck = summarize(results.bot.map((r) => r.acked));
    const bareAck = summarize(results.bare.map((r) => r.acked));
    const reply = summarize(results.bot.map((r) => r.replied));
    allReplies.push(...results.bot.map((r) => r.replied));
    const ratio = botAck.p99 / bareAck.p99;
    worst.ratio = Math.max(worst.ratio, ratio);
    worst.reply = Math.max(worst.reply, reply.p99);
    console.log(
      `  round ${round}: ack p99 bot ${fmt(botAck.p99)} vs bare Bolt ${fmt(bareAck.p99)} = ${ratio.toFixed(2)}×` +
        ` (p50 ${fmt(botAck.p50)} vs ${fmt(bareAck.p50)});  reply at response_url p50 ${fmt(reply.p50)} p99 ${fmt(reply.p99)}`,
    );
  }
  const replies = summarize(allReplies);
  console.log(`  worst ack ratio ${worst.ratio.toFixed(2)}× (goal ≤ 1.5× every round); reply p99 over all rounds ${fmt(replies.p99)}, worst round ${fmt(worst.reply)} (goal < 1 s)`);

  // A thousand commands acked while Slack answers no reply, then SIGTERM.
  sink.hold();
  const acks = [];
  for (let sent = 0; sent < QUEUED; sent += CONCURRENT) {
    acks.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENT, QUEUED - sent) }, async () => {
      const { body, headers } = signedCommand(n++, sink.responseUrl(n));
      const res = await targets.bot.pool.request({ path: targets.bot.url.pathname, method: 'POST', headers, body });
      await res.body.dump();
      return res.statusCode;
    }))));
  }
  if (acks.some((s) => s !== 200)) throw new Error(`only ${acks.filter((s) => s === 200).length} of ${QUEUED} commands were acked`);
  await targets.bot.pool.close();
  const t0 = performance.now();
  await bot.stop();
  const stopMs = performance.now() - t0;
  const unsent = bot.stderr().split('\n').filter((l) => l.includes('reply not sent')).length;
  console.log(`SIGTERM with ${QUEUED} replies queued (Slack holding every reply): the bot stopped in ${fmt(stopMs)} (goal < 10 s); ${unsent} replies logged as not sent`);
} finally {
  for (const t of Object.values(targets)) await t.pool.close().catch(() => undefined);
  await bot.stop();
  await bare.stop();
  await sink.close();
  await hub.stop();
}
