// Preloaded into a benchmarked hub (node --require bench/hub-probe.cjs): what
// the hub's own process did to its latencies, apart from the machine's load —
// garbage-collection pauses by kind and the event loop's delay — written as
// one JSON line to $WF_HUB_PROBE when asked (SIGUSR2) and when the hub exits.
// The line also holds the spans since the last one, each [start, end] in ms
// of the wall clock (performance.timeOrigin + now, as the bench stamps its
// acks), so the bench can put each slow ack beside what the hub was doing:
// every GC pause; every stall of the event loop of 3 ms or more (a 1 ms
// timer that fired late, whatever held it: work or the wait for a core); what
// the hub says on the 'watchfloor:span' channel (src/core/spans.ts: fan-out
// passes, COMMITs, the demo simulator's steps); and each HTTP request from
// when the hub read it to when its answer was written, with its path.
// Bench-only: the hub never loads it by itself.
const { PerformanceObserver, monitorEventLoopDelay, constants, performance } = require('node:perf_hooks');
const { subscribe } = require('node:diagnostics_channel');
const { appendFileSync } = require('node:fs');

const out = process.env.WF_HUB_PROBE;
if (out) {
  const KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' };
  const wall = (t) => Math.round((performance.timeOrigin + t) * 1000) / 1000;
  let gc = {};
  const fresh = () => ({ gc: [], stall: [], 'fanout-pass': [], commit: [], 'sim-step': [], requests: [] });
  let spans = fresh();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = KINDS[e.detail?.kind ?? e.kind] ?? 'other';
      const g = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      g.count++;
      g.ms += e.duration;
      g.maxMs = Math.max(g.maxMs, e.duration);
      spans.gc.push([wall(e.startTime), wall(e.startTime + e.duration), kind]);
    }
  }).observe({ entryTypes: ['gc'] });
  // A stall: the 1 ms timer came 3 ms or more after the last one; with the process's CPU time over it
  // (all threads, in ms), which tells a busy event loop from one waiting for a core.
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    if (t - last >= 3) spans.stall.push([wall(last), wall(t), (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000]);
    last = t;
    lastCpu = cpu;
  }, 1).unref();
  subscribe('watchfloor:span', ({ name, start, end }) => spans[name]?.push([wall(start), wall(end)]));
  const reading = new WeakMap();
  subscribe('http.server.request.start', ({ request }) => reading.set(request, performance.now()));
  subscribe('http.server.response.finish', ({ request }) => {
    const start = reading.get(request);
    if (start !== undefined) spans.requests.push([request.url.split('?')[0], wall(start), wall(performance.now())]);
  });
  const report = () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const line = { at: Date.now(), gc, loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6), spans };
    appendFileSync(out, JSON.stringify(line) + '\n');
    gc = {};
    spans = fresh();
    loop.reset();
  };
  // WF_HUB_HEAP_SAMPLE=1: every allocation sampled (those the next GCs free too, i.e. the garbage), by stack, written
  // beside the probe's file at each report as <file>.<n>.heapprofile (Chrome DevTools reads it).
  // WF_HUB_HEAP_SAMPLE=survivors: only what outlived the scavenges it met (promoted, whether a later full GC freed it
  // or not), after one more scavenge forced at the report so the young generation's garbage is not counted: what
  // each scavenge copies, and what makes its pause long.
  let sampling;
  let profiles = 0;
  if (process.env.WF_HUB_HEAP_SAMPLE) {
    const survivors = process.env.WF_HUB_HEAP_SAMPLE === 'survivors';
    let scavenge;
    if (survivors) {
      require('node:v8').setFlagsFromString('--expose-gc');
      const gc = require('node:vm').runInNewContext('gc');
      scavenge = () => gc({ type: 'minor', execution: 'sync' });
    }
    const { Session } = require('node:inspector');
    sampling = new Session();
    sampling.connect();
    const start = () => sampling.post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMinorGC: !survivors, includeObjectsCollectedByMajorGC: true });
    sampling.post('HeapProfiler.enable', start);
    sampling.take = () => {
      scavenge?.();
      sampling.post('HeapProfiler.stopSampling', (err, result) => {
        if (!err) require('node:fs').writeFileSync(`${out}.${++profiles}.heapprofile`, JSON.stringify(result.profile));
        start();
      });
    };
  }
  process.on('SIGUSR2', () => {
    sampling?.take();
    report();
  });
  process.on('exit', report);
}
