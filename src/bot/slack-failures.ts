// What a failed Slack Web API call means for the message it carried: try
// again after Retry-After, back off, or never; and whether Slack may have
// acted on it anyway, so the retry of a post looks for its message first.
import { ErrorCode } from '@slack/web-api';

// Platform errors that say "later", not "never".
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);
// Failures before a request could reach Slack: it did nothing.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type SlackVerdict = (
  | { retry: 'rate-limited'; afterMs: number; reason: string }
  | { retry: 'backoff'; reason: string }
  | { retry: 'never'; reason: string }
) & {
  /** Slack may have carried it out though the call failed (a 5xx, a timeout, a connection cut mid-answer). */
  mayHaveLanded: boolean;
};

/** Never sooner than a second after a 429, whatever Retry-After says. */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;

export function classifySlackFailure(error: unknown): SlackVerdict {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string; original?: { code?: string; message?: string } };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { retry: 'rate-limited', afterMs: Math.max(MIN_RATE_LIMIT_WAIT_MS, (e.retryAfter ?? 1) * 1000), reason: 'ratelimited', mayHaveLanded: false };
    case ErrorCode.PlatformError: {
      // Slack answered ok: false: it did not do it.
      const reason = e.data?.error ?? 'unknown_error';
      return { retry: TRANSIENT_PLATFORM_ERRORS.has(reason) ? 'backoff' : 'never', reason, mayHaveLanded: false };
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const reason = `http_${status}`;
      return status >= 500 || status === 408 ? { retry: 'backoff', reason, mayHaveLanded: true } : { retry: 'never', reason, mayHaveLanded: false };
    }
    case ErrorCode.RequestError: {
      const code = e.original?.code;
      const reason = code ?? e.original?.message ?? e.message ?? 'request_error';
      return { retry: 'backoff', reason, mayHaveLanded: !(code && NEVER_SENT.has(code)) };
    }
    default:
      // Anything unexpected: try again later, and assume the worst about what it did.
      return { retry: 'backoff', reason: e?.message ?? String(error), mayHaveLanded: true };
  }
}
