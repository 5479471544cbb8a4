// When something ends, as people write it on a command line or in a request:
// an ISO-8601 time, or a span from now (30m, 12h, 90d). The CLI checks the
// words before it calls the hub; the hub, whose clock decides, turns them into a time.

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The ISO-8601 UTC time `text` names, counted ahead from `now` for a span; undefined if it names none. */
export function timeAhead(text: string, now: Date): string | undefined {
  const span = /^(\d{1,6})([mhd])$/.exec(text.trim());
  if (span) return new Date(now.getTime() + Number(span[1]) * UNIT_MS[span[2]!]!).toISOString();
  const at = Date.parse(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text.trim()) && !Number.isNaN(at) ? new Date(at).toISOString() : undefined;
}

export const TIME_AHEAD_EXAMPLES = 'a span like 90d, 12h or 30m, or an ISO time like 2026-06-01T00:00:00Z';
