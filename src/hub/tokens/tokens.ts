// API tokens: `wf_` + 32 random bytes, base64url. Only the sha-256 is kept,
// so a copy of the data file does not hand out working tokens.
import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { TokenInfo, TokenRole } from '../../core/model.js';
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
}

export async function issueToken(tx: StoreWriter, caller: Caller, input: TokenRequest, at: string): Promise<IssuedToken> {
  const bot = input.bot === true;
  if (bot && input.role === 'intake') {
    throw new UsageError('an intake token acts for nobody, so it cannot be a bot token', {
      hint: 'give the chat bot a token of its own: `watchfloor tokens create --name slack-bot --role officer --bot`',
    });
  }
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
  };
  await tx.insertToken(record);
  await tx.appendAudit({
    at,
    actor: refOf(caller.actor),
    channel: caller.channel,
    action: 'token.create',
    target: record.id,
    detail: { name: input.name, role: input.role, bot, ...callerDetail(caller) },
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
