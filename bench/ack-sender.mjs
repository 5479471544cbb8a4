// bench/fanout.mjs's ack sender, in a process of its own (child_process.fork).
// In the bench's own process the sender shared one event loop with the bench's
// bookkeeping (timers, /metrics reads, the probe's stall watch, its garbage):
// `--probe` found the slow acks' longest overlap was that loop stalling ≥ 3 ms,
// and in one round an ack's answer waited 2.1 ms (p50) for the bench to read it,
// so the bench counted its own lateness as the hub's. Here the loop does
// nothing but send acks on their schedule over keep-alive HTTP (undici, as
// before) and stamp them with its own clock; the stamps go back when the round
// ends. The figures mean what they meant: an ack's latency is from just before
// the request is handed to undici until its answer is read by the sender.
// The parent's side is `forkAckSender`; the child's runs when this file is the
// process's entry.
import { fork } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { watchStalls } from './ack-attribution.mjs';

const SELF = fileURLToPath(import.meta.url);
// Wall-clock ms, as the hub's probe (bench/hub-probe.cjs) and the bench's clients stamp theirs.
const now = () => performance.timeOrigin + performance.now();

/** POST `body` as JSON with `token`; resolves with the parsed answer, throws on a status of 300 or more. */
export async function post(pool, token, path, body) {
  const res = await pool.request({ path, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`POST ${path} -> ${res.statusCode} ${text}`);
  return JSON.parse(text);
}

const sleepUntil = (t) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

/**
 * Acks `ids` at `rate` a second, open loop (each leaves on its schedule whether the last one answered or not).
 * Resolves with each ack's stamps { id, sentAt, writtenAt, readAt } (wall-clock ms: before the request, when undici
 * wrote it to its socket — with `probe` only — and when the answer was read), and with `probe` this process's
 * event-loop stalls of 3 ms or more over the acks.
 */
async function sendAcks(pool, token, { ids, rate, probe }) {
  const stamped = [];
  const stalls = probe ? watchStalls(now) : undefined;
  const written = new Map();
  const onSent = ({ request }) => written.set(request.path, now());
  if (probe) subscribe('undici:client:sendHeaders', onSent);
  const start = performance.now() + 20;
  try {
    await Promise.all(
      ids.map(async (id, i) => {
        await sleepUntil(start + (i * 1000) / rate);
        const path = `/v1/incidents/${id}/ack`;
        const sentAt = now();
        const res = await post(pool, token, path, {});
        const readAt = now();
        stamped.push({ id, sentAt, writtenAt: written.get(path), readAt });
        if (!res.changed) throw new Error(`ack ${id} changed nothing`);
      }),
    );
  } finally {
    stalls?.stop();
    if (probe) unsubscribe('undici:client:sendHeaders', onSent);
  }
  return { stamped, stalls: stalls?.stalls ?? [] };
}

/** The child's side: one pool to the hub, a round of acks per 'acks' message, until 'close'. */
function serve({ origin, token, connections }) {
  const pool = new Pool(origin, { connections });
  process.on('message', async (msg) => {
    if (msg.type === 'close') {
      await pool.close();
      process.disconnect();
      return;
    }
    try {
      process.send({ type: 'done', ...(await sendAcks(pool, token, msg)) });
    } catch (err) {
      process.send({ type: 'failed', message: String(err?.stack ?? err) });
    }
  });
  process.send({ type: 'ready' });
}

if (process.argv[1] === SELF && process.send) serve(JSON.parse(process.argv[2]));

/**
 * Forks the sender for the hub at `origin`. `acks({ ids, rate, probe })` runs a round and resolves with its stamps;
 * `pid` is the process (its CPU counts as the bench's); `close()` ends it.
 */
export async function forkAckSender({ origin, token, connections = 16 }) {
  const child = fork(SELF, [JSON.stringify({ origin, token, connections })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let exited;
  const next = () =>
    new Promise((resolveNext, reject) => {
      const onExit = (code) => reject(new Error(`the ack sender exited with ${code}`));
      if (exited) return onExit(exited.code);
      child.once('exit', onExit);
      child.once('message', (msg) => {
        child.off('exit', onExit);
        if (msg.type === 'failed') reject(new Error(`the ack sender failed: ${msg.message}`));
        else resolveNext(msg);
      });
    });
  child.once('exit', (code) => (exited = { code }));
  const ready = await next();
  if (ready.type !== 'ready') throw new Error(`the ack sender said ${ready.type} before it was ready`);
  return {
    pid: child.pid,
    acks(round) {
      const done = next();
      child.send({ type: 'acks', ...round });
      return done;
    },
    close: () =>
      new Promise((r) => {
        if (exited) return r();
        child.once('exit', r);
        child.send({ type: 'close' });
      }),
  };
}
