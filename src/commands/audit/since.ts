// `--since` as people write it: an ISO-8601 time, or a duration back from now (90s, 15m, 2h, 7d).
import { UsageError } from '../../core/errors.js';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseSince(text: string, now: Date): string {
  const duration = /^(\d+)([smhd])$/.exec(text.trim());
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!]!).toISOString();
  const at = Date.parse(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(at)) return new Date(at).toISOString();
  throw new UsageError(`--since: not a time or duration: ${text}`, { hint: 'e.g. 2h, 30m, 7d or 2025-03-01T06:00:00Z' });
}
