// How long the hub's long synchronous spans took — a fan-out pass, a COMMIT,
// a step of the demo's simulator — said on node:diagnostics_channel, so a
// probe can put each slow request beside what held the event loop at the
// time (bench/hub-probe.cjs, `bench/fanout.mjs --probe`). Nothing listens in
// a hub run for real, and then a report costs one property read. In src/core
// because the hub and the simulator (src/sim, which never imports the hub)
// both report.
import { channel } from 'node:diagnostics_channel';

/** What held the event loop: the channel's messages carry one of these. */
export type SpanName = 'fanout-pass' | 'commit' | 'sim-step';

/** One span, as published: start and end in performance.now() of the thread that ran it. */
export interface Span {
  name: SpanName;
  start: number;
  end: number;
}

export const SPAN_CHANNEL = 'watchfloor:span';
const spans = channel(SPAN_CHANNEL);

/** Whether anything listens: a caller times a span only then. */
export const spansListened = (): boolean => spans.hasSubscribers;

/** Tells whoever listens that `name` ran from `start` to `end` (performance.now()). */
export function reportSpan(name: SpanName, start: number, end: number): void {
  if (spans.hasSubscribers) spans.publish({ name, start, end } satisfies Span);
}
