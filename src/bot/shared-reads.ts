// When a channel asks the same thing at once — fifty `/wf status RUH` in a
// crisis — the hub need not work out the same answer fifty times. A read of
// the fleet (the fleet's status, the sites, one site, the assets) that the
// hub answers alike for everyone of a role is sent once and its answer handed
// to every identical call that comes while it is on its way, or up to
// SHARE_MS after it came: a chat reply may be that much older than a call of
// its own would have been, never more. Shared only between calls that differ
// in nothing but the chat user they are made for (same token, channel and
// role), so the hub's role rules decide every answer; any other call, and
// every write, goes to the hub as it is. Only the bot's hub connections share
// reads; the CLI and the API are unchanged.
import type { JsonAnswer, JsonCall, JsonTransport } from '../core/client/json-transport.js';

/** How long an answer is handed out after the hub gave it. */
export const SHARE_MS = 1_000;

/** The reads whose answers depend on the caller's role only (src/hub/api/routes/fleet.ts): never whoami, tokens, or anything personal. */
const SHARED_READ = /\/v1\/(?:status|sites|sites\/[^/?]+|assets)(?:\?|$)/;
/** The one header that names the person; the hub's answer to the reads above does not depend on it. */
const PERSON_HEADER = 'x-watchfloor-on-behalf-of';

interface Kept {
  answer: Promise<{ statusCode: number; headers: JsonAnswer['headers']; text: string }>;
  /** When the hub's answer came (ms); undefined while on its way. */
  answeredAt?: number;
}

export function shareReads(inner: JsonTransport, now: () => number = () => performance.now()): JsonTransport {
  const kept = new Map<string, Kept>();

  const forget = (at: number): void => {
    for (const [key, entry] of kept) if (entry.answeredAt !== undefined && at - entry.answeredAt > SHARE_MS) kept.delete(key);
  };

  return {
    async send(call: JsonCall): Promise<JsonAnswer> {
      const key = sharedKey(call);
      if (key === undefined) return inner.send(call);
      forget(now());
      let entry = kept.get(key);
      if (!entry) {
        const fresh: Kept = {
          // The first caller's signal bounds the one call (its timeout is every caller's).
          answer: inner.send(call).then(async (res) => ({ statusCode: res.statusCode, headers: res.headers, text: await res.body.text() })),
        };
        entry = fresh;
        kept.set(key, fresh);
        fresh.answer.then(
          // Only an answer the hub gave gladly is handed out later; errors are not kept past their call.
          (res) => (res.statusCode === 200 ? (fresh.answeredAt = now()) : kept.delete(key)),
          () => kept.delete(key),
        );
      }
      const { statusCode, headers, text } = await whileNotAborted(entry.answer, call.signal);
      return { statusCode, headers, body: { text: async () => text } };
    },
    close: () => inner.close(),
  };
}

/** The call's identity without the person it is made for, or undefined when it is not a shared read. */
function sharedKey(call: JsonCall): string | undefined {
  if (call.method !== 'GET' || !SHARED_READ.test(call.path)) return undefined;
  const headers = Object.entries(call.headers)
    .filter(([name]) => name.toLowerCase() !== PERSON_HEADER)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([call.path, headers]);
}

/** The shared answer, unless this caller's own signal (its timeout) fires first. */
function whileNotAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
