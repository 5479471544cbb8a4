// bench/fanout.mjs's readings of the hub's own figures: the ack and fan-out
// histograms of its /metrics, and what its probe (bench/hub-probe.cjs, with
// --probe) wrote for a round. Apart so the bench's file holds the run itself.
import { readFileSync } from 'node:fs';
import { fmt } from './lib.mjs';

/**
 * Two of the hub's histograms from its /metrics, cumulative, as [[upper bound in ms, count]]:
 * the acks' (request read → answer written) and the fan-out's (publish → handed to every stream).
 */
export async function hubBuckets(pool) {
  const res = await pool.request({ path: '/metrics', method: 'GET' });
  const text = await res.body.text();
  const acks = [];
  const fanout = [];
  for (const line of text.split('\n')) {
    const m = /^(watchfloor_http_request_duration_seconds|watchfloor_event_fanout_seconds)_bucket\{(.*)\} (\d+)$/.exec(line);
    if (!m) continue;
    const isAck = m[1] === 'watchfloor_http_request_duration_seconds';
    if (isAck && (!m[2].includes('method="POST"') || !m[2].includes('route="/v1/incidents/:id/ack"'))) continue;
    const le = /le="([^"]+)"/.exec(m[2])[1];
    (isAck ? acks : fanout).push([le === '+Inf' ? Infinity : Number(le) * 1000, Number(m[3])]);
  }
  return { acks, fanout };
}

/** From two readings of a histogram: the bucket bounds p50 and p99 fall under, and the shares within 5 and 50 ms. */
export function hubSide(before, after) {
  const counts = after.map(([le, n], i) => [le, n - (before[i]?.[1] ?? 0)]);
  const total = counts.at(-1)?.[1] ?? 0;
  const under = (q) => counts.find(([, n]) => n >= q * total)?.[0];
  const within = (ms) => (total ? (counts.find(([le]) => le === ms)?.[1] ?? 0) / total : NaN);
  return { n: total, p50: under(0.5), p99: under(0.99), within5: within(5), within50: within(50) };
}

/** Asks the hub's probe for its figures since the last ask; resolves with them once written (line `lines` + 1). */
export async function probe(pid, lines, file) {
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200; i++) {
    // A line with the round's spans is long: one still being written (no newline yet) is not read.
    const text = readFileSync(file, 'utf8');
    const all = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter(Boolean);
    if (all.length > lines) return JSON.parse(all.at(-1));
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the hub probe did not answer');
}

export function probeLine({ gc, loopDelay }) {
  const kinds = Object.entries(gc).map(([k, g]) => `${k} ${g.count}× max ${g.maxMs.toFixed(1)} ms`).join(', ');
  return `hub event-loop delay p99 ${fmt(loopDelay.p99)} max ${fmt(loopDelay.max)}; GC ${kinds || 'none'}`;
}
