// Preloaded into a benchmarked hub (node --require bench/hub-probe.cjs): what
// the hub's own process did to its latencies, apart from the machine's load —
// garbage-collection pauses by kind and the event loop's delay — written as
// one JSON line to $WF_HUB_PROBE when asked (SIGUSR2) and when the hub exits.
// Bench-only: the hub never loads it by itself.
const { PerformanceObserver, monitorEventLoopDelay, constants } = require('node:perf_hooks');
const { appendFileSync } = require('node:fs');

const out = process.env.WF_HUB_PROBE;
if (out) {
  const KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak' };
  let gc = {};
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = KINDS[e.detail?.kind ?? e.kind] ?? 'other';
      const g = (gc[kind] ??= { count: 0, ms: 0, maxMs: 0 });
      g.count++;
      g.ms += e.duration;
      g.maxMs = Math.max(g.maxMs, e.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const report = () => {
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const line = { at: Date.now(), gc, loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) }, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) };
    appendFileSync(out, JSON.stringify(line) + '\n');
    gc = {};
    loop.reset();
  };
  process.on('SIGUSR2', report);
  process.on('exit', report);
}
