// What a failed hub call means for the chat message waiting on it: the hub
// refused it for good (a 4xx other than 408/429 — not found, conflict,
// forbidden, bad input), or it may answer later (unreachable, unavailable, a
// 5xx). A permanent refusal dead-letters the message at once; a retry of a
// transient one never holds up other messages.
import { isWatchfloorError } from '../core/errors.js';

const PERMANENT = new Set(['usage', 'not_found', 'conflict', 'forbidden', 'unauthenticated', 'payload_too_large']);

export function hubRefusedForGood(error: unknown): boolean {
  return isWatchfloorError(error) && PERMANENT.has(error.code);
}

/** One line for a log or a dead letter's reason: the error's code and message. */
export function hubFailureReason(error: unknown): string {
  return isWatchfloorError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
}
