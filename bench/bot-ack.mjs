#!/usr/bin/env node
// Benchmark (not a test): the Slack bot under a channel's burst. Starts a demo
// hub, `watchfloor bot` (the built CLI, Slack over HTTP) whose Web API and
// response_url calls go to a local sink, and beside it a bare Bolt app that
// only acks (bench/bare-bolt.mjs). A burst is 50 concurrent correctly signed
// `/wf status <site>` commands, the same requests to either side. Each round
// sends bursts to the two sides interleaved — bare, bot, bot, bare, then bot,
// bare, bare, bot the next round — so that whatever else the machine runs
// meanwhile falls on both sides alike, and prints, round by round:
//   - the HTTP ack p99 of the bot and of bare Bolt over the round's bursts, and their ratio (goal ≤ 1.5×);
//   - the time from sending a command to its reply reaching the response_url (goal p99 < 1 s);
//   - the load average, since on a shared machine it moves the figures more than any code;
// and at the end the CPU each side spent per ack, from a burst's first request to its last ack.
// Then it queues 1,000 commands while Slack holds every reply (a slow
// response_url), sends SIGTERM and prints how long the bot took to stop
// (goal < 10 s) and how many replies it logged as not sent.
//   npm run build && node bench/bot-ack.mjs [--concurrent 50] [--rounds 5] [--bursts 2] [--warm-up 20] [--queued 1000] [--pin]
// --bursts: bursts per side in a round (1: one each, the order alternating by round).
// --pin (Linux, taskset, 2+ cores): the bot and bare Bolt share core 1, the
// hub and this script (the client and Slack's side) core 0.
// BOT_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/bot-prof' profiles the bot (BARE_NODE_ARGS bare Bolt);
// BENCH_MARKS=FILE writes each burst's start and last ack (µs, the monotonic
// clock of the profiles' timestamps) to FILE, to cut the profiles to the bursts.
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { arg, clockTicks, cpuSeconds, createToken, fmt, loadAverage, pinToCores, ROOT, startCliUntilJson, startDemoHub, summarize } from './lib.mjs';

const CONCURRENT = arg('--concurrent', 50);
const ROUNDS = arg('--rounds', 5);
const WARM_UP = arg('--warm-up', 20);
const QUEUED = arg('--queued', 1000);
const BURSTS = arg('--bursts', 2);
const PIN = process.argv.includes('--pin');
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

const nodeArgs = (name) => (process.env[name] ? process.env[name].split(' ') : []);

async function startBot(hub, slackSink) {
  // A bot token of the bot's own: only a token created for a bot may act for chat users.
  const token = await createToken(hub.url, hub.token, { name: 'bench-slack-bot', role: 'officer', bot: true });
  const env = { ...hub.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: token, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackSink.apiUrl };
  return startCliUntilJson(['bot', '--port', '0', '--json'], env, (line) => line.slack?.url, 30_000, nodeArgs('BOT_NODE_ARGS'));
}

async function startBareBolt(slackSink) {
  const env = { ...process.env, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackSink.apiUrl };
  return startCliUntilJson([], env, (line) => line.url, 30_000, nodeArgs('BARE_NODE_ARGS'), join(ROOT, 'bench', 'bare-bolt.mjs'));
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

if (PIN && availableParallelism() < 2) throw new Error('--pin needs 2 cores or more');
if (PIN) pinToCores(process.pid, '0');
console.log(`load average ${loadAverage()} at the start; ${PIN ? 'the bot and bare Bolt pinned to core 1, the hub and this client to core 0' : 'not pinned'}`);
const hub = await startDemoHub();
const sink = await startSlackSink();
const bot = await startBot(hub, sink);
const bare = await startBareBolt(sink);
if (PIN) {
  pinToCores(hub.pid, '0');
  pinToCores(bot.child.pid, '1');
  pinToCores(bare.child.pid, '1');
}
// Each target gets its own client pool, its connections reused round after
// round, as a reverse proxy in front of a bot would.
const targets = {
  bot: { url: new URL(bot.value), replies: true, pid: bot.child.pid },
  bare: { url: new URL(bare.value), replies: false, pid: bare.child.pid },
};
for (const t of Object.values(targets)) t.pool = new Pool(t.url.origin, { connections: CONCURRENT });

let n = 0;
/** One command to a target; resolves with its ack time and (for the bot) the time until its reply. */
async function send(target, onAcked = () => undefined) {
  const i = n++;
  const { body, headers } = signedCommand(i, sink.responseUrl(i));
  const reply = target.replies ? sink.replyFor(i) : undefined;
  const t0 = performance.now();
  const res = await target.pool.request({ path: target.url.pathname, method: 'POST', headers, body });
  await res.body.dump();
  const ackedAt = performance.now();
  onAcked();
  if (res.statusCode !== 200) throw new Error(`/wf → HTTP ${res.statusCode}`);
  return { acked: ackedAt - t0, ackedAt, replied: reply ? (await reply) - t0 : undefined };
}

// Where each burst began and its last ack came, for BENCH_MARKS.
const marks = [];
const monotonicUs = (ms) => Math.round((ms - performance.now()) * 1000 + Number(process.hrtime.bigint() / 1000n));

// The CPU each side spent from a burst's first request to its last ack
// (/proc, in clock ticks): unlike latency, little moved by what else runs.
const TICKS = clockTicks();
const ackCpu = { bot: { seconds: 0, acks: 0 }, bare: { seconds: 0, acks: 0 } };
const cpuPerAck = (name) => fmt((1000 * ackCpu[name].seconds) / ackCpu[name].acks);

async function burst(name) {
  const { pid } = targets[name];
  const cpuBefore = cpuSeconds(pid, TICKS);
  let acked = 0;
  let cpuAfter = cpuBefore;
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: CONCURRENT }, () => send(targets[name], () => ++acked === CONCURRENT && (cpuAfter = cpuSeconds(pid, TICKS)))),
  );
  ackCpu[name].seconds += cpuAfter - cpuBefore;
  ackCpu[name].acks += CONCURRENT;
  marks.push(`${name} ${monotonicUs(start)} ${monotonicUs(Math.max(...results.map((r) => r.ackedAt)))}`);
  return results;
}

/** Bare, bot, bot, bare in odd rounds and the mirror in even ones (with --bursts 2). */
function roundOrder(round) {
  const [first, second] = round % 2 ? ['bare', 'bot'] : ['bot', 'bare'];
  return Array.from({ length: BURSTS }, (_, b) => (b % 2 ? [second, first] : [first, second])).flat();
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
  await burst('bare');
  await burst('bot');
  marks.length = 0;
  for (const side of Object.values(ackCpu)) Object.assign(side, { seconds: 0, acks: 0 });
  console.log(
    `${ROUNDS} rounds, each of ${BURSTS} burst${BURSTS > 1 ? 's' : ''} a side of ${CONCURRENT} concurrent signed /wf status commands` +
      ` (${roundOrder(1).join(', ')}; then the mirror), to the bot and to a bare Bolt app that only acks:`,
  );
  const worst = { ratio: 0, reply: 0 };
  const allReplies = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const results = { bot: [], bare: [] };
    for (const name of roundOrder(round)) results[name].push(...(await burst(name)));
    const botAck = summarize(results.bot.map((r) => r.acked));
    const bareAck = summarize(results.bare.map((r) => r.acked));
    const reply = summarize(results.bot.map((r) => r.replied));
    allReplies.push(...results.bot.map((r) => r.replied));
    const ratio = botAck.p99 / bareAck.p99;
    worst.ratio = Math.max(worst.ratio, ratio);
    worst.reply = Math.max(worst.reply, reply.p99);
    console.log(
      `  round ${round}: ack p99 bot ${fmt(botAck.p99)} vs bare Bolt ${fmt(bareAck.p99)} = ${ratio.toFixed(2)}×` +
        ` (p50 ${fmt(botAck.p50)} vs ${fmt(bareAck.p50)});  reply at response_url p50 ${fmt(reply.p50)} p99 ${fmt(reply.p99)};  load ${loadAverage()}`,
    );
  }
  const replies = summarize(allReplies);
  console.log(`  worst ack ratio ${worst.ratio.toFixed(2)}× (goal ≤ 1.5× every round); reply p99 over all rounds ${fmt(replies.p99)}, worst round ${fmt(worst.reply)} (goal < 1 s)`);
  console.log(`  CPU from a burst's first request to its last ack, per ack: bot ${cpuPerAck('bot')}, bare Bolt ${cpuPerAck('bare')}`);
  if (process.env.BENCH_MARKS) writeFileSync(process.env.BENCH_MARKS, `${marks.join('\n')}\n`);

  // A thousand commands acked while Slack answers no reply, then SIGTERM.
  sink.hold();
  const acks = [];
  for (let sent = 0; sent < QUEUED; sent += CONCURRENT) {
    acks.push(...(await Promise.all(Array.from({ length: Math.min(CONCURRENT, QUEUED - sent) }, async () => {
      const i = n++;
      const { body, headers } = signedCommand(i, sink.responseUrl(i));
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
  console.log(`load average ${loadAverage()} at the end`);
} finally {
  for (const t of Object.values(targets)) await t.pool.close().catch(() => undefined);
  await bot.stop();
  await bare.stop();
  await sink.close();
  await hub.stop();
}
