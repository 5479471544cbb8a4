// startSimulator against a real HTTP server on 127.0.0.1 through a real
// CoreClient: a tiny recorder stands in for the hub.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { SiteTelemetry, SurveyAnswer } from '../../src/core/model.js';
import type { AlertmanagerWebhook } from '../../src/sim/alerts.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { waitUntil } from '../helpers/wait-until.js';

interface Recorded {
  path: string;
  authorization: string | undefined;
  body: unknown;
}

interface Recorder {
  url: string;
  posts: Recorded[];
  /** While true, answer 503 like a hub that is shutting down. */
  failing: boolean;
}

const fleet = buildDemoFleet();
const servers: Server[] = [];
const clients: CoreClient[] = [];
const simulators: RunningSimulator[] = [];

afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.stop()));
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function recorder(): Promise<Recorder> {
  const rec: Recorder = { url: '', posts: [], failing: false };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (rec.failing) {
        res.statusCode = 503;
        res.end(JSON.stringify({ error: { code: 'hub_error', message: 'the hub is shutting down' } }));
        return;
      }
      rec.posts.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(body) });
      res.end(req.url === '/v1/ingest/telemetry' ? JSON.stringify({ accepted: 103 }) : JSON.stringify({ created: [], updated: [], resolved: [], ignored: 0 }));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  rec.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return rec;
}

function client(url: string): CoreClient {
  const c = new CoreClient({ hubUrl: url, token: 'wf_test', requestTimeoutMs: 2_000 });
  clients.push(c);
  return c;
}

const POLL = { timeoutMs: 10_000, intervalMs: 20 } as const;

const telemetryPosts = (rec: Recorder) => rec.posts.filter((p) => p.path === '/v1/ingest/telemetry');
/** How many ticks' telemetry has come (a tick posts a region at a time, each report at the tick's time). */
const telemetryTicks = (rec: Recorder) => new Set(telemetryPosts(rec).map((p) => (p.body as { sites: { at: string }[] }).sites[0]!.at)).size;
const alertPosts = (rec: Recorder) => rec.posts.filter((p) => p.path === '/v1/ingest/alertmanager');
const surveyPosts = (rec: Recorder) => rec.posts.filter((p) => p.path === '/v1/surveys');

describe('startSimulator over real HTTP', () => {
  it('posts telemetry for all sites and Alertmanager alerts, then stops cleanly', async () => {
    const rec = await recorder();
    const log: string[] = [];
    const sim = startSimulator({ client: client(rec.url), fleet, seed: 3, speed: 3_600, tickMs: 50, log: (l) => log.push(l) });
    simulators.push(sim);

    await waitUntil(() => telemetryTicks(rec) >= 3 && alertPosts(rec).length >= 1 && surveyPosts(rec).length >= 1, { ...POLL, what: 'telemetry, alerts and survey answers' });
    const answers = (surveyPosts(rec)[0]!.body as { answers: unknown[] }).answers;
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect(() => SurveyAnswer.parse(a)).not.toThrow();

    // A tick's reports go a region at a time (simulator.ts, byRegion): together every site, each post one region.
    const region = new Map(fleet.sites.map((s) => [s.id, s.region]));
    const ticks = new Map<string, { siteId: string }[][]>();
    for (const p of telemetryPosts(rec)) {
      const sites = (p.body as { sites: { siteId: string; at: string }[] }).sites;
      for (const t of sites) expect(() => SiteTelemetry.strict().parse(t)).not.toThrow();
      ticks.set(sites[0]!.at, [...(ticks.get(sites[0]!.at) ?? []), sites]);
    }
    const whole = [...ticks.values()].at(-2)!; // the last may still be on its way
    expect(whole.length).toBeGreaterThan(1);
    expect(new Set(whole.flat().map((t) => t.siteId)).size).toBe(104);
    for (const post of whole) expect(new Set(post.map((t) => region.get(t.siteId))).size).toBe(1);
    const payload = alertPosts(rec)[0]!.body as AlertmanagerWebhook;
    expect(payload.version).toBe('4');
    expect(payload.alerts.length).toBeGreaterThan(0);
    expect(payload.alerts[0]!.labels.alertname).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(rec.posts.every((p) => p.authorization === 'Bearer wf_test')).toBe(true);
    // Simulated time runs at `speed`: a later report is at least minutes of simulated time on.
    const times = telemetryPosts(rec).map((p) => Date.parse((p.body as { sites: { at: string }[] }).sites[0]!.at));
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(60_000);
    expect(log[0]).toMatch(/seed 3, speed 3600×, 104 sites/);

    await sim.stop();
    const seen = rec.posts.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(rec.posts.length).toBe(seen);
  });

  it('logs a failing hub once, keeps ticking, and delivers the alerts it held once the hub is back', async () => {
    const rec = await recorder();
    rec.failing = true;
    const log: string[] = [];
    let attempts = 0;
    const sim = startSimulator({
      client: client(rec.url),
      fleet,
      seed: 4,
      speed: 600,
      tickMs: 30,
      now: () => {
        attempts++;
        return new Date();
      },
      log: (l) => log.push(l),
    });
    simulators.push(sim);

    await waitUntil(() => attempts >= 6, { ...POLL, what: 'several ticks against a failing hub' });
    expect(log.filter((l) => l.includes('cannot post alerts'))).toHaveLength(1);
    expect(log.filter((l) => l.includes('cannot post telemetry'))).toHaveLength(1);
    expect(log.find((l) => l.includes('cannot post alerts'))).toMatch(/shutting down/);

    rec.failing = false;
    await waitUntil(() => alertPosts(rec).length >= 1 && telemetryPosts(rec).length >= 1, { ...POLL, what: 'posts after recovery' });
    // The faults in progress at the start, held while the hub was away.
    const delivered = alertPosts(rec).flatMap((p) => (p.body as AlertmanagerWebhook).alerts);
    expect(delivered.filter((a) => a.status === 'firing').length).toBeGreaterThan(0);
    await waitUntil(() => log.some((l) => l.includes('alerts reach the hub again')), { ...POLL, what: 'the recovery line' });
    await sim.stop();
  });

  it('stops while a post is still in flight and waits for it', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let received = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received++;
        void held.then(() => res.end('{"accepted":103}'));
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const sim = startSimulator({
      client: client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      fleet,
      seed: 1,
      speed: 60,
      tickMs: 20,
    });
    await waitUntil(() => received >= 1, { ...POLL, what: 'the first post' });
    let stopped = false;
    const stopping = sim.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
  });
});
