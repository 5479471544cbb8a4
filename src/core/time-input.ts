// Times and spans that arrive as text — `--since` on the command line, `since`
// in a hub query, a site's telemetry `at` — read by one set of rules on both
// sides of the wire. Date.parse alone is too lenient for that: it takes
// "2025-02-31" (as 3 March), six-digit years ("+275760-…", whose ISO form no
// longer sorts with the stored times), and digits that overflow into an
// Invalid Date. Here a time is ISO-8601 with a four-digit year inside
// TIME_RANGE and a span is a whole number of s/m/h/d up to MAX_SPAN_DAYS, so
// every result has the stored form (toISOString) and compares as a time.
// No zod here: the CLI's hot path loads this.
import { UsageError } from './errors.js';

const DAY_MS = 86_400_000;
export const MAX_SPAN_DAYS = 3650;
export const TIME_RANGE = { from: '1970-01-01', to: '9999-12-31' } as const;
const MIN_MS = Date.parse(`${TIME_RANGE.from}T00:00:00.000Z`);
const MAX_MS = Date.parse(`${TIME_RANGE.to}T23:59:59.999Z`);

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: DAY_MS };
const SPAN = /^(\d{1,20})([smhd])$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** What is allowed, in the words every refusal uses. */
export const SINCE_RULE = `a span up to ${MAX_SPAN_DAYS}d (s, m, h or d) or an ISO-8601 time from ${TIME_RANGE.from} to ${TIME_RANGE.to}`;
export const SINCE_EXAMPLES = 'e.g. 2h, 30m, 7d or 2025-03-01T06:00:00Z';
export const TIME_RULE = `an ISO-8601 time with Z or an offset, from ${TIME_RANGE.from} to ${TIME_RANGE.to}`;

export interface IsoTimeOptions {
  /** Refuse a date-time without Z or an offset (machine input, where "local" means nobody knows whose). */
  requireOffset?: boolean;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Milliseconds since the epoch, or undefined when `text` is not such a time or falls outside TIME_RANGE. */
export function isoTimeMs(text: string, options: IsoTimeOptions = {}): number | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, , zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  // A date-time without a zone is local time, as ECMAScript reads it; a bare date is UTC midnight.
  if (h !== undefined && zone === undefined && options.requireOffset) return undefined;
  if (zone && /^[+-]/.test(zone) && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return undefined;
  const ms = Date.parse(text.trim().replace(' ', 'T'));
  return Number.isNaN(ms) || ms < MIN_MS || ms > MAX_MS ? undefined : ms;
}

/** A span like 90s, 15m, 24h or 7d in milliseconds, or undefined (not a span, or longer than MAX_SPAN_DAYS). */
export function spanMs(text: string): number | undefined {
  const m = SPAN.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!]!;
  return ms > MAX_SPAN_DAYS * DAY_MS ? undefined : ms;
}

/** An ISO-8601 time in the stored form, or undefined. */
export function normalIsoTime(text: string, options: IsoTimeOptions = {}): string | undefined {
  const ms = isoTimeMs(text, options);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** `since` as people write it — a span back from `now` or an ISO time — in the stored form, or undefined. */
export function sinceTimeOf(text: string, now: Date): string | undefined {
  const span = spanMs(text);
  const ms = span === undefined ? isoTimeMs(text) : now.getTime() - span;
  return ms === undefined || ms < MIN_MS || ms > MAX_MS ? undefined : new Date(ms).toISOString();
}

/** sinceTimeOf, where anything else is a UsageError naming `label` and the rule. */
export function sinceTime(text: string, now: Date, label = 'since'): string {
  const at = sinceTimeOf(text, now);
  if (at === undefined) throw new UsageError(`${label}: "${text}" is not ${SINCE_RULE}`, { hint: SINCE_EXAMPLES });
  return at;
}
