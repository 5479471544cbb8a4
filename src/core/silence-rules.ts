// The rules a silence's words must meet, read the same on both sides of the
// wire: the CLI checks them before it calls (exit 2 at once), the hub again
// for every other caller (400). No zod here: the CLI's hot path loads this.
import { createRequire } from 'node:module';
import { UsageError } from './errors.js';
import { isoTimeMs, spanMs, TIME_RULE } from './time-input.js';

// JavaScript's regular expressions backtrack, where Alertmanager's (Go's RE2)
// never do: a silence like `(a+)+` run against a long label value that any
// alert sender controls would stall the hub's intake. So nested repetition,
// and more repetitions than a matcher needs, are refused when the silence is
// made (safe-regex2's star-height test, the one fastify's router uses).
const MAX_REPETITIONS = 10;
// Loaded when a regex matcher is first checked, not at every start of the CLI
// (the read commands and --version load nothing they do not use).
let safeRegexLoaded: ((re: RegExp, opts: { limit: number }) => boolean) | undefined;
const safeRegex = (re: RegExp, opts: { limit: number }): boolean => {
  safeRegexLoaded ??= createRequire(import.meta.url)('safe-regex2') as (re: RegExp, opts: { limit: number }) => boolean;
  return safeRegexLoaded(re, opts);
};

/** Alertmanager's rule for `=~`: the expression matches the whole value. Throws UsageError on a bad or backtracking-prone one. */
export function matcherRegExp(label: string, value: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${value})$`, 'u');
  } catch (e) {
    throw new UsageError(`match ${label}=~: not a regular expression: ${(e as Error).message}`);
  }
  if (!safeRegex(re, { limit: MAX_REPETITIONS })) {
    throw new UsageError(`match ${label}=~${value}: a repetition inside a repetition (or more than ${MAX_REPETITIONS}) could stall the intake`, {
      hint: 'keep repetitions flat: `gw-(core|edge)-[0-9]+` is fine, `(gw-[0-9]+)+` is not',
    });
  }
  return re;
}

/** A silence's length in milliseconds: a span like 30m, 2h or 1d. */
export function silenceSpanMs(text: string, label = 'for'): number {
  const ms = spanMs(text);
  if (ms === undefined || ms <= 0) throw new UsageError(`${label}: "${text}" is not a span`, { hint: 'e.g. 30m, 2h or 1d' });
  return ms;
}

/** A maintenance window's times in milliseconds; `until` must come after `from` (whether it is past is the hub's clock's to say). */
export function windowTimes(from: string, until: string, labels = { from: 'from', until: 'until' }): { from: number; until: number } {
  const read = (text: string, label: string) => {
    const ms = isoTimeMs(text, { requireOffset: true });
    if (ms === undefined) throw new UsageError(`${label}: "${text}" is not ${TIME_RULE}`, { hint: 'e.g. 2026-06-01T22:00:00Z or 2026-06-02T01:00:00+03:00' });
    return ms;
  };
  const window = { from: read(from, labels.from), until: read(until, labels.until) };
  if (window.until <= window.from) throw new UsageError(`${labels.until} (${until}) must be after ${labels.from} (${from})`);
  return window;
}
