#!/usr/bin/env node
// Benchmark (not a test): alert storms on the demo fleet, and whether the hub
// makes one incident per cause of them. A demo hub (--speed 1, its simulator
// a trickle beside the storm) and the chat bot posting live incident cards to
// a stand-in Slack Web API on 127.0.0.1 (it counts what the bot posts and
// edits). Two storms, each followed by its recovery:
//   (a) a national-platform outage: the same alert at every one of the 103 sites, from 16 senders at once;
//   (b) a land port's primary link failing: the link's alert and one for every asset behind it, in random order.
// Prints, per storm: incidents opened (top level, and children under them),
// cards posted (one per parent is the goal) and edited, the time from the
// first alert sent to the parent incident being visible at GET /v1/incidents,
// and after recovery whether every child closed with its parent. The storms
// post Alertmanager's webhook, whose answer waits until the alerts are
// applied from the intake's journal, so the time to the parent being visible
// includes the journal's delay (taken in, then applied).
//   npm run build && node bench/storm.mjs [--senders 16]
import { createServer } from 'node:http';
import { arg, createToken, fmt, startCliUntilJson, startDemoHub } from './lib.mjs';

const SENDERS = arg('--senders', 16);
const SECRET = 'storm-bench-signing-secret';
const CHANNEL = 'C0STORM';

/** Slack's Web API as far as the bot's cards need it; counts posts and edits. */
function startSlackSink() {
  const counts = { posted: 0, updated: 0 };
  /** What each post and edit said, to count the ones about a storm's incidents (the simulator's own faults post cards too). */
  const calls = [];
  let ts = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^.*\/api\//, '').split('?')[0];
      let answer = { ok: true };
      if (method === 'chat.postMessage' || method === 'chat.update') calls.push({ method, body });
      if (method === 'auth.test') answer = { ok: true, user_id: 'UBOT', team_id: 'TBENCH', bot_id: 'BBENCH' };
      else if (method === 'chat.postMessage') {
        counts.posted++;
        answer = { ok: true, channel: CHANNEL, ts: `1700000000.${String(++ts).padStart(6, '0')}` };
      } else if (method === 'chat.update') {
        counts.updated++;
        answer = { ok: true, channel: CHANNEL, ts: '1700000000.000001' };
      } else if (method === 'conversations.history') answer = { ok: true, messages: [], has_more: false };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        apiUrl: `http://127.0.0.1:${server.address().port}/api/`,
        counts,
        calls,
        close: () => new Promise((r) => {
          server.closeAllConnections();
          server.close(r);
        }),
      }),
    ),
  );
}

async function get(hub, path) {
  const res = await fetch(new URL(path, hub.url), { headers: { authorization: `Bearer ${hub.token}` }, signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status} ${await res.text()}`);
  return res.json();
}

function alert(labels, status) {
  return {
    status,
    labels,
    annotations: {},
    startsAt: new Date().toISOString(),
    endsAt: status === 'resolved' ? new Date().toISOString() : '0001-01-01T00:00:00Z',
    generatorURL: '',
    fingerprint: `storm-${Object.values(labels).join('-')}`.replace(/[^A-Za-z0-9-]/g, '_'),
  };
}

/** Each alert its own request (as many probes, one per site, would send them), SENDERS at a time. */
async function send(url, token, alerts) {
  const queue = [...alerts];
  const sender = async () => {
    for (let a = queue.shift(); a; a = queue.shift()) {
      const body = { version: '4', groupKey: 'storm', status: a.status, receiver: 'watchfloor', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: '', alerts: [a] };
      const res = await fetch(new URL('/v1/ingest/alertmanager', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`ingest -> ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
}

async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function storm(hub, slack, intake, name, alerts, isOurs) {
  const before = slack.calls.length;
  const t0 = performance.now();
  let visibleMs;
  const watching = until('a parent incident', async () => {
    const { incidents } = await get(hub, '/v1/incidents?state=open&children=false&limit=1000');
    const parent = incidents.find((i) => isOurs(i) && i.childCount > 0);
    if (parent) visibleMs = performance.now() - t0;
    return parent;
  });
  await send(hub.url, intake, alerts);
  const sentMs = performance.now() - t0;
  await watching;
  // Let the bot catch up with the storm's last events before counting.
  await new Promise((r) => setTimeout(r, 3_000));
  const mine = (await get(hub, '/v1/incidents?limit=1000')).incidents.filter(isOurs);
  const parents = mine.filter((i) => !i.parentId);
  const children = mine.filter((i) => i.parentId);
  // A card names its incident: count the posts and edits about this storm's incidents only.
  const about = slack.calls.slice(before).filter((c) => mine.some((i) => decodeURIComponent(c.body).includes(i.id)));
  const during = { posted: about.filter((c) => c.method === 'chat.postMessage').length, updated: about.filter((c) => c.method === 'chat.update').length };
  // A card's first incident id is its own (a child's card names its parent after it).
  const postedFor = about.filter((c) => c.method === 'chat.postMessage').map((c) => /INC-\d{6}/.exec(decodeURIComponent(c.body))?.[0]);

  await send(hub.url, intake, alerts.map((a) => ({ ...a, status: 'resolved', endsAt: new Date().toISOString() })));
  const after = await until('every incident of the storm to close', async () => {
    const all = (await get(hub, '/v1/incidents?limit=1000')).incidents.filter(isOurs);
    return all.every((i) => i.state === 'resolved') ? all : undefined;
  }, 30_000).catch(() => undefined);
  const still = after ? 0 : (await get(hub, '/v1/incidents?state=open&limit=1000')).incidents.filter(isOurs).length;

  console.log(`\n${name}: ${alerts.length} alerts sent in ${fmt(sentMs)}`);
  console.log(`  incidents opened: ${parents.length} top level (goal: 1 per cause), ${children.length} children under them`);
  for (const p of parents) console.log(`    ${p.id}  ${p.childCount} children  ${p.title}`);
  console.log(`  chat cards posted: ${during.posted} (goal: 1 per parent), edited: ${during.updated}; pages sent = cards posted (a card is the page)`);
  console.log(`    posted for: ${postedFor.join(', ')}`);
  console.log(`  first alert sent → parent visible at GET /v1/incidents: ${fmt(visibleMs)}`);
  console.log(`  after recovery: ${after ? `all ${after.length} closed, children with their parent` : `${still} still open`}`);
}

const hub = await startDemoHub({ speed: 1 });
const slack = await startSlackSink();
let bot;
try {
  const intake = await createToken(hub.url, hub.token, { name: 'storm-intake', role: 'intake' });
  const botToken = await createToken(hub.url, hub.token, { name: 'storm-slack-bot', role: 'officer', bot: true });
  const env = { ...hub.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: botToken, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl };
  bot = await startCliUntilJson(['bot', '--port', '0', '--json', '--cards-channel', CHANNEL, '--cards-min-severity', 'sev4'], env, (line) => line.slack?.url);

  const { sites } = await get(hub, '/v1/sites');
  const platform = (labels) => alert({ alertname: 'IdentityPlatformUnreachable', job: 'integration-probe', severity: 'critical', ...labels }, 'firing');
  await storm(hub, slack, intake, `(a) national platform outage at all ${sites.length} sites`, sites.map((s) => platform({ site: s.id })), (i) => i.labels?.alertname === 'IdentityPlatformUnreachable' || (i.grouping === 'window' && i.title.startsWith('IdentityPlatformUnreachable')));

  const port = sites.find((s) => s.kind === 'land');
  const { assets } = await get(hub, `/v1/assets?site=${encodeURIComponent(port.id)}`);
  const link = `${port.id}/network-link-01`;
  const behind = assets.filter((a) => ['egate', 'counter', 'passport-reader', 'biometric-kiosk', 'kiosk', 'cctv'].includes(a.kind));
  const storming = [link, ...behind.map((a) => a.id)].map((id) => alert({ alertname: id === link ? 'NetworkLinkDown' : 'DeviceUnreachable', site: port.id, asset: id.slice(id.indexOf('/') + 1), severity: 'major' }, 'firing'));
  storming.sort(() => Math.random() - 0.5);
  const ids = new Set([link, ...behind.map((a) => a.id)].map((id) => id.toLowerCase()));
  await storm(hub, slack, intake, `(b) ${port.id}'s primary link down, ${behind.length} assets behind it`, storming, (i) => ids.has((i.assetId ?? '').toLowerCase()) && (i.source === 'alertmanager'));
} finally {
  await bot?.stop();
  await slack.close();
  await hub.stop();
}
