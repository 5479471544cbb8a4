// Who calls in the RBAC matrix, and what each should get. Every role's token,
// an intake token, a bot's token acting for a chat user of each role, a token
// that is not a bot's claiming to act for one, a revoked and an expired token,
// and no token. The expectation is worked out here from the matrix's own rank
// of roles, not the hub's, so a wrong rank in the hub shows as an escape.
import type { CoreClient } from '../../src/core/client.js';
import type { Role, TokenRole } from '../../src/core/model.js';
import { waitUntil } from '../helpers/wait-until.js';
import type { Case } from './matrix.js';

export type Outcome = 'allowed' | 'forbidden' | 'unauthenticated';

export interface Principal {
  name: string;
  /** What it may do: a token's role, or the role a bot gets for its chat user; undefined when it is refused before any role. */
  role: TokenRole | undefined;
  /** Refused before any role: no token, a revoked or expired one (401), a token that may not act for anyone (403). */
  refused?: Exclude<Outcome, 'allowed'>;
  /** A bot's own token acting for itself: the only caller a `botOnly` case allows. */
  botItself?: boolean;
  /** Its secret, when it has one (for the CLI). */
  secret?: string;
  headers: Record<string, string>;
}

const RANK: Record<Role, number> = { viewer: 0, officer: 1, supervisor: 2, admin: 3 };
export const PEOPLE: readonly Role[] = ['viewer', 'officer', 'supervisor', 'admin'];
/** The bot's own token: a supervisor's, so a chat admin is capped to it. */
export const BOT_ROLE: Role = 'supervisor';

const lower = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);

/** What `p` calling `c` should get. */
export function expected(c: Case, p: { role: TokenRole | undefined; refused?: Exclude<Outcome, 'allowed'> | undefined; botItself?: boolean | undefined }): Outcome {
  if (p.refused) return p.refused;
  const role = p.role!;
  if (c.least === 'intake' || role === 'intake') return c.least === role ? 'allowed' : 'forbidden';
  if (RANK[role] < RANK[c.least]) return 'forbidden';
  if (c.botOnly && !p.botItself) return 'forbidden';
  if (c.holderOnly && RANK[role] < RANK.supervisor) return 'forbidden';
  return 'allowed';
}

/** The role a chat user of `role` gets through the bot. */
export const chatRole = (role: Role): Role => lower(role, BOT_ROLE);

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

export interface Principals {
  all: Principal[];
  /** The bot's token, for the chat channel. */
  botSecret: string;
  /** Tokens the chat channel must be refused through. */
  notABotSecret: string;
  revokedBotSecret: string;
  byName(name: string): Principal;
}

/** `botSecret`: the chat bot's own token (BOT_ROLE, created with --bot), which the world also claims cards with. */
export async function createPrincipals(admin: CoreClient, unique: (p: string) => string, botSecret: string): Promise<Principals> {
  const token = async (role: TokenRole, extra: { bot?: boolean; expires?: string } = {}) =>
    admin.createToken({ name: unique(`matrix-${role}`), role, ...extra });
  const all: Principal[] = [];
  for (const role of PEOPLE) {
    const { secret } = await token(role);
    all.push({ name: role, role, secret, headers: bearer(secret) });
  }
  const intake = await token('intake');
  all.push({ name: 'intake', role: 'intake', secret: intake.secret, headers: bearer(intake.secret) });

  const bot = { secret: botSecret };
  all.push({ name: 'bot', role: BOT_ROLE, botItself: true, secret: bot.secret, headers: { ...bearer(bot.secret), 'x-watchfloor-channel': 'slack' } });
  for (const role of PEOPLE) {
    all.push({
      name: `bot for a chat ${role}`,
      role: chatRole(role),
      headers: { ...bearer(bot.secret), 'x-watchfloor-channel': 'slack', 'x-watchfloor-on-behalf-of': `slack:U0${role.toUpperCase()}`, 'x-watchfloor-act-as': role },
    });
  }
  const notABot = await token('officer');
  all.push({ name: 'not a bot, for a chat user', role: undefined, refused: 'forbidden', headers: { ...bearer(notABot.secret), 'x-watchfloor-on-behalf-of': 'slack:U0SARA (Sara Al-Harbi)' } });

  const revoked = await token('admin');
  await admin.revokeToken(revoked.token.id);
  all.push({ name: 'revoked', role: undefined, refused: 'unauthenticated', secret: revoked.secret, headers: bearer(revoked.secret) });
  const revokedBot = await token(BOT_ROLE, { bot: true });
  await admin.revokeToken(revokedBot.token.id);

  const expiring = await token('admin', { expires: new Date(Date.now() + 500).toISOString() });
  await waitUntil(() => Date.now() > Date.parse(expiring.token.expiresAt!), { what: 'the matrix’s expiring token to expire', timeoutMs: 3_000 });
  all.push({ name: 'expired', role: undefined, refused: 'unauthenticated', secret: expiring.secret, headers: bearer(expiring.secret) });

  all.push({ name: 'no token', role: undefined, refused: 'unauthenticated', headers: {} });
  return {
    all,
    botSecret: bot.secret,
    notABotSecret: notABot.secret,
    revokedBotSecret: revokedBot.secret,
    byName: (name) => all.find((p) => p.name === name)!,
  };
}
