// The rules a handover's shift length and post target must meet, read the same on both sides of
// the wire: the CLI checks it before it calls (exit 2 at once), the hub again
// for every other caller (400); the chat bot holds a button's id to HANDOVER_ID. No zod here: the CLI's hot path loads this.
import { UsageError } from './errors.js';
import { spanMs } from './time-input.js';

/**
 * Where `--post` may send a handover: a Slack channel id (C0123ABCD) or name
 * (#ops), or `teams:` and a Teams conversation id (teams:19:abc@thread.tacv2).
 */
export const HANDOVER_POST_TARGET = /^(?:#?[A-Za-z0-9][A-Za-z0-9._-]{0,79}|teams:[A-Za-z0-9][A-Za-z0-9:@._;=-]{0,199})$/;

/** The Teams conversation a post target names, or undefined for a Slack channel. */
export const teamsConversationOf = (post: string): string | undefined => (post.startsWith('teams:') ? post.slice('teams:'.length) : undefined);

/** HO-000001: how a handover is named (a chat button's value is held to it). */
export const HANDOVER_ID = /^HO-\d{6,9}$/;

/** How long a shift may be, either way: a handover covers at least a quarter hour and at most a day. */
export const HANDOVER_SHIFT = { default: '8h', minMs: 15 * 60_000, maxMs: 24 * 3_600_000 } as const;

/** The shift's length in milliseconds, from 8h, 12h, 30m; a usage error outside a quarter hour to a day. */
export function shiftMs(text: string = HANDOVER_SHIFT.default): number {
  const ms = spanMs(text);
  if (ms === undefined || ms < HANDOVER_SHIFT.minMs || ms > HANDOVER_SHIFT.maxMs) {
    throw new UsageError(`shift: "${text}" is not a shift length from 15m to 24h`, { hint: 'e.g. --shift 8h or --shift 12h' });
  }
  return ms;
}
