// What each slow ack of bench/fanout.mjs --probe coincided with. The hub's
// probe (bench/hub-probe.cjs) hands over its spans of the round — GC pauses,
// event-loop stalls, fan-out passes, COMMITs, the simulator's steps, every
// request from read to answered — and the bench its own event-loop stalls;
// all on one wall clock. For each ack over the goal the share that overlaps
// each kind of span is printed beside the same share over all acks (a kind
// that covers a quarter of the time overlaps a quarter of any acks: only
// what slow acks meet more often than all acks do points at a cause), and the
// ack's time is split into before the hub read it, inside, and after its
// answer was written until the bench read it.
import { summarize } from './lib.mjs';

const SLOW_MS = 5;
/** Spans shorter than this are left out where noted: every ack has a sub-millisecond COMMIT of its own. */
const LONG_COMMIT_MS = 1;

/**
 * A kind of span the hub's probe reports, or the bench's own stalls, as [start, end] lists. `benchStalls` is one list
 * (the bench's event loop) or lists by name (the ack sender's process apart from the bench's).
 */
function kindsOf(hub, benchStalls, ackPaths) {
  const requests = new Map();
  for (const [path, start, end] of hub.requests) {
    if (ackPaths.has(path) || path === '/metrics') continue;
    const key = `request ${path}`;
    if (!requests.has(key)) requests.set(key, []);
    requests.get(key).push([start, end]);
  }
  return {
    'hub GC': hub.gc,
    'hub event loop stalled ≥ 3 ms': hub.stall,
    // Under half the stall's time on a CPU: the hub's threads were mostly waiting for a core.
    'hub stalled, busy': hub.stall.filter(([s, e, cpu]) => cpu >= 0.5 * (e - s)),
    'hub stalled, waiting for a core': hub.stall.filter(([s, e, cpu]) => cpu < 0.5 * (e - s)),
    'fan-out pass': hub['fanout-pass'],
    'fan-out pass ≥ 2 ms': hub['fanout-pass'].filter(([s, e]) => e - s >= 2),
    [`COMMIT ≥ ${LONG_COMMIT_MS} ms`]: hub.commit.filter(([s, e]) => e - s >= LONG_COMMIT_MS),
    'simulator step': hub['sim-step'],
    ...Object.fromEntries(requests),
    ...Object.fromEntries(
      Object.entries(Array.isArray(benchStalls) ? { 'bench event loop stalled ≥ 3 ms': benchStalls } : benchStalls).flatMap(([kind, stalls]) => [
        [kind, stalls],
        // As the hub's: under half the stall on a CPU, the process was mostly waiting for a core, not at its own work.
        [`${kind}, waiting for a core`, stalls.filter(([s, e, cpu]) => cpu < 0.5 * (e - s))],
      ]),
    ),
  };
}

const overlap = (spans, from, to) => spans.reduce((ms, [s, e]) => ms + Math.max(0, Math.min(e, to) - Math.max(s, from)), 0);

/**
 * acks: [{ id, sentAt, writtenAt, readAt }] (wall-clock ms: the bench's stamp before the request, when undici wrote
 * it to the socket, when the answer was read); hub: the probe's spans; benchStalls: [[start, end]], or such lists by name.
 * Returns lines to print.
 */
export function attributeAcks(acks, hub, benchStalls) {
  const ackPath = (id) => `/v1/incidents/${id}/ack`;
  const inHub = new Map(hub.requests.filter(([path]) => path.endsWith('/ack')).map(([path, start, end]) => [path, [start, end]]));
  const kinds = kindsOf(hub, benchStalls, new Set(acks.map((a) => ackPath(a.id))));
  const slow = acks.filter((a) => a.readAt - a.sentAt > SLOW_MS);
  const lines = [];
  const split = { sending: [], before: [], inside: [], after: [] };
  for (const a of slow) {
    const [read, answered] = inHub.get(ackPath(a.id)) ?? [NaN, NaN];
    split.sending.push(a.writtenAt - a.sentAt);
    split.before.push(read - (a.writtenAt ?? a.sentAt));
    split.inside.push(answered - read);
    split.after.push(a.readAt - answered);
  }
  const p50 = (xs) => summarize(xs.filter(Number.isFinite)).p50?.toFixed(2);
  const share = (list, spans) => (list.length ? list.filter((a) => overlap(spans, a.sentAt, a.readAt) > 0).length / list.length : NaN);
  const pct = (x) => `${(x * 100).toFixed(0)}%`;
  lines.push(`slow acks (> ${SLOW_MS} ms): ${slow.length} of ${acks.length}; their time, p50 ms: the sender writing the request ${p50(split.sending)}, then before the hub read it ${p50(split.before)}, inside ${p50(split.inside)}, after the answer until the sender read it ${p50(split.after)}`);
  if (slow.length === 0) return lines;
  // The kind each slow ack overlapped longest: one cause per ack, however many kinds it met.
  const lead = new Map();
  for (const a of slow) {
    let best = 'nothing probed';
    let bestMs = 0;
    for (const [kind, spans] of Object.entries(kinds)) {
      if (kind.startsWith('hub event loop') || kind === 'hub stalled, busy') continue; // a stall is the symptom the others explain
      const ms = overlap(spans, a.sentAt, a.readAt);
      if (ms > bestMs) [best, bestMs] = [kind, ms];
    }
    lead.set(best, (lead.get(best) ?? 0) + 1);
  }
  const rows = Object.entries(kinds).map(([kind, spans]) => `${kind} ${pct(share(slow, spans))} (all acks ${pct(share(acks, spans))})`);
  lines.push(`slow acks that overlap: ${rows.join('; ')}`);
  lines.push(`longest overlap of each slow ack: ${[...lead].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  const dur = (spans) => summarize(spans.map(([s, e]) => e - s));
  const d = (kind) => {
    const s = dur(kinds[kind]);
    return `${kind} ${s.n}× p50 ${s.p50?.toFixed(1) ?? '-'} max ${s.max?.toFixed(1) ?? '-'} ms`;
  };
  const shown = ['hub GC', 'fan-out pass', 'fan-out pass ≥ 2 ms', `COMMIT ≥ ${LONG_COMMIT_MS} ms`, 'simulator step', 'request /v1/ingest/telemetry', 'hub stalled, busy', 'hub stalled, waiting for a core', 'ack sender event loop stalled ≥ 3 ms', 'ack sender event loop stalled ≥ 3 ms, waiting for a core', 'bench event loop stalled ≥ 3 ms'];
  lines.push(`spans in the round: ${shown.filter((k) => kinds[k]).map(d).join('; ')}`);
  return lines;
}

/**
 * The calling thread's event-loop stalls of 3 ms or more, as [start, end, cpu] (wall-clock ms; the process's CPU over
 * the stall, all threads, in ms, as the hub's probe keeps it), until stopped.
 */
export function watchStalls(now) {
  const stalls = [];
  let last = now();
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const t = now();
    const cpu = process.cpuUsage();
    if (t - last >= 3) stalls.push([last, t, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000]);
    last = t;
    lastCpu = cpu;
  }, 1);
  return { stalls, stop: () => clearInterval(timer) };
}
