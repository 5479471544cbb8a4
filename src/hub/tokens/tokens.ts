// API tokens: `wf_` + 32 random bytes, base64url. Only the sha-256 is kept,
// so a copy of the data file does not hand out working tokens.
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { TokenInfo, TokenRole } from '../../core/model.js';
import { TIME_AHEAD_EXAMPLES, timeAhead } from '../../core/time-span.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { StoreWriter, TokenRecord } from '../store/store.js';

export const TOKEN_PREFIX = 'wf_';

export const newTokenSecret = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');

export const hashTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const newTokenId = (): string => `tok_${randomBytes(6).toString('hex')}`;

export function publicToken(record: TokenRecord): TokenInfo {
  const { hash: _hash, ...info } = record;
  return info;
}

export interface IssuedToken {
  token: TokenInfo;
  /** Shown once; the hub cannot show it again. */
  secret: string;
}

export interface TokenRequest {
  name: string;
  role: TokenRole;
  /** For a chat bot: it may act for chat users. */
  bot?: boolean | undefined;
  /** When it stops working: an ISO time, or a span from now (90d). */
  expires?: string | undefined;
}

/** Whether a token has expired at `now`. */
export const hasExpired = (token: Pick<TokenInfo, 'expiresAt'>, now: Date): boolean =>
  token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime();

/** Whether the hub would take this token at `now`: not revoked, not expired. */
export const isLive = (token: Pick<TokenInfo, 'revokedAt' | 'expiresAt'>, now: Date): boolean => !token.revokedAt && !hasExpired(token, now);

function expiryOf(expires: string | undefined, now: Date): string | null {
  if (expires === undefined) return null;
  const at = timeAhead(expires, now);
  if (!at) throw new UsageError(`expires: "${expires}" is neither a span nor a time`, { hint: `use ${TIME_AHEAD_EXAMPLES}` });
  if (Date.parse(at) <= now.getTime()) throw new UsageError(`expires: ${at} is not in the future`, { hint: `use ${TIME_AHEAD_EXAMPLES}` });
  return at;
}

export async function issueToken(tx: StoreWriter, caller: Caller, input: TokenRequest, at: string): Promise<IssuedToken> {
  const bot = input.bot === true;
  if (bot && input.role === 'intake') {
    throw new UsageError('an intake token acts for nobody, so it cannot be a bot token', {
      hint: 'give the chat bot a token of its own: `watchfloor tokens create --name slack-bot --role officer --bot`',
    });
  }
  const expiresAt = expiryOf(input.expires, new Date(at));
  const secret = newTokenSecret();
  const record: TokenRecord = {
    id: newTokenId(),
    name: input.name,
    role: input.role,
    bot,
    hash: hashTokenSecret(secret),
    createdAt: at,
    lastUsedAt: null,
    revokedAt: null,
    expiresAt,
  };
  await tx.insertToken(record);
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: 'token.create',
    target: record.id,
    detail: { name: input.name, role: input.role, bot, expiresAt, ...callerDetail(caller) },
  });
  return { token: publicToken(record), secret };
}

export async function revokeToken(tx: StoreWriter, caller: Caller, id: string, at: string): Promise<TokenInfo> {
  const existing = await tx.getToken(id);
  if (!existing) throw new NotFoundError(`no token ${id}`, { hint: 'list them with `watchfloor tokens list`' });
  // Revoking twice changes nothing and records nothing.
  if (existing.revokedAt) return publicToken(existing);
  await tx.revokeToken(id, at);
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: 'token.revoke',
    target: id,
    detail: { name: existing.name, role: existing.role, ...callerDetail(caller) },
  });
  return publicToken({ ...existing, revokedAt: at });
}

/** Revokes every live token called `name`; used to rotate the demo simulator's token. */
export async function revokeTokensNamed(tx: StoreWriter, caller: Caller, name: string, at: string): Promise<number> {
  const live = (await tx.listTokens()).filter((t) => t.name === name && !t.revokedAt);
  for (const t of live) await revokeToken(tx, caller, t.id, at);
  return live.length;
}
