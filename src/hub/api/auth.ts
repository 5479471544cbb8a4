// Who is calling and may they: bearer token → actor, header → channel, and a
// minimum role per route (declared as `config: { role }` on the route). The
// intake routes declare `intake`, which only an intake token holds. A token
// near its expiry is told so on every answer (x-watchfloor-token-expires).
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, UsageError } from '../../core/errors.js';
import type { Channel, Role, TokenRole } from '../../core/model.js';
import { CHANNELS, ROLES, ROLE_RANK, expiryNear, roleAtLeast } from '../../core/vocabulary.js';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import type { Store, TokenRecord } from '../store/store.js';
import { hasExpired, hashTokenSecret } from '../tokens/tokens.js';
import { createVerifiedTokens, type VerifiedTokens } from '../tokens/verified-tokens.js';
import { delegatedActor } from './delegation.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role that may call this route (`intake`: intake tokens only); routes without one are public. */
    role?: TokenRole;
    /** EventSource cannot set headers, so the event stream also takes `?token=`. */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

// Writing lastUsedAt on every request would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

/** When the token's last use is next written (ms since the epoch): at once if never. */
export const lastUseDueAt = (token: TokenRecord): number => (token.lastUsedAt ? Date.parse(token.lastUsedAt) + LAST_USED_RESOLUTION_MS : -Infinity);
const lastUseDue = (token: TokenRecord, now: Date): boolean => now.getTime() >= lastUseDueAt(token);

// One per store, so hubs in one process (tests) keep theirs apart.
const verifiedByStore = new WeakMap<Store, VerifiedTokens>();
export function verifiedTokens(store: Store): VerifiedTokens {
  let verified = verifiedByStore.get(store);
  if (!verified) verifiedByStore.set(store, (verified = createVerifiedTokens(store)));
  return verified;
}

// The hub's own channels: what it does by itself is never a client's claim.
const CLIENT_CHANNELS = CHANNELS.filter((c) => c !== 'system' && c !== 'auto');

/** What authentication reads of a request: fastify's, or a bare node:http one (the fast alert intake's). */
export interface PresentedRequest {
  headers: IncomingHttpHeaders;
  /** The `?token=` of a route that takes one (tokenInQuery). */
  queryToken?: string | undefined;
}

function header(request: PresentedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function channelOf(request: PresentedRequest): Channel {
  const claimed = header(request, 'x-watchfloor-channel')?.trim().toLowerCase();
  if (!claimed) return 'api';
  if (!(CLIENT_CHANNELS as readonly string[]).includes(claimed)) {
    throw new UsageError(`unknown channel "${claimed}" in x-watchfloor-channel`, {
      hint: `use one of ${CLIENT_CHANNELS.join(', ')}`,
    });
  }
  return claimed as Channel;
}

/**
 * A bot holds one token for all its chat users and names the role of the user
 * it acts for; the hub grants the lower of that and the token's role, so a
 * header can only ever take rights away.
 */
export function effectiveRole(request: PresentedRequest, tokenRole: TokenRole): TokenRole {
  const claimed = header(request, 'x-watchfloor-act-as')?.trim().toLowerCase();
  if (!claimed) return tokenRole;
  // An intake token acts for nobody: lowering it to a person's role would grant reads.
  if (tokenRole === 'intake') throw intakeOnly('act as a person (x-watchfloor-act-as)');
  if (!(ROLES as readonly string[]).includes(claimed)) {
    throw new UsageError(`unknown role "${claimed}" in x-watchfloor-act-as`, { hint: `use one of ${ROLES.join(', ')}` });
  }
  const asked = claimed as Role;
  return ROLE_RANK[asked] < ROLE_RANK[tokenRole] ? asked : tokenRole;
}

function presentedSecret(request: PresentedRequest): string | undefined {
  const auth = header(request, 'authorization');
  const match = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (match) return match[1];
  return request.queryToken || undefined;
}

function presentedBy(request: FastifyRequest): PresentedRequest {
  if (!request.routeOptions.config.tokenInQuery) return request;
  const token = (request.query as Record<string, unknown> | undefined)?.token;
  return { headers: request.headers, queryToken: typeof token === 'string' ? token : undefined };
}

/** The presented secret's hash; refused when there is none. */
export function presentedHash(request: PresentedRequest): string {
  const secret = presentedSecret(request);
  if (!secret) {
    throw new UnauthenticatedError('no API token was sent', {
      hint: 'store one with `watchfloor config set token wf_…`, or set WATCHFLOOR_TOKEN; an admin creates tokens with `watchfloor tokens create`',
    });
  }
  return hashTokenSecret(secret);
}

/** `token` if it may be used now; refused (401) when unknown, revoked or expired. */
export function usable(token: TokenRecord | undefined, now: Date): TokenRecord {
  if (!token || token.revokedAt || hasExpired(token, now)) {
    const why = !token ? 'the hub does not know this API token' : token.revokedAt ? `the API token "${token.name}" was revoked` : `the API token "${token.name}" expired at ${token.expiresAt}`;
    throw new UnauthenticatedError(why, {
      hint: 'ask an admin for a new token (`watchfloor tokens create`), then `watchfloor config set token wf_…`',
    });
  }
  return token;
}

export async function authenticate(ctx: HubContext, request: PresentedRequest): Promise<Caller> {
  const hash = presentedHash(request);
  const verified = verifiedTokens(ctx.store);
  return callerWith(ctx, request, hash, usable(await verified.byHash(hash), ctx.now()), verified);
}

/** The caller `token` (usable) makes of `request`; its last use noted when due. */
export async function callerWith(ctx: HubContext, request: PresentedRequest, hash: string, token: TokenRecord, verified: VerifiedTokens): Promise<Caller> {
  const now = ctx.now();
  if (lastUseDue(token, now)) {
    await ctx.store.touchToken(token.id, now.toISOString());
    verified.touched(hash, now.toISOString());
  }
  const onBehalfOf = header(request, 'x-watchfloor-on-behalf-of')?.trim() || undefined;
  if (onBehalfOf && token.role === 'intake') throw intakeOnly('act for a chat user (x-watchfloor-on-behalf-of)');
  if (onBehalfOf && !token.bot) throw notABot(token.name);
  const role = effectiveRole(request, token.role);
  const channel = channelOf(request);
  const held = { id: token.id, expiresAt: token.expiresAt, bot: token.bot };
  if (!onBehalfOf) return { actor: { id: token.id, name: token.name, role }, channel, token: held };
  return { actor: delegatedActor(token, onBehalfOf, role), channel, onBehalfOf, via: token.name, token: held };
}

/** The expiry of a token that nears it, for the answer's x-watchfloor-token-expires (the client warns its person). */
export function nearExpiry(caller: Caller, now: Date): string | undefined {
  const expiresAt = caller.token?.expiresAt;
  return expiresAt && expiryNear(expiresAt, now) ? expiresAt : undefined;
}

function flagNearExpiry(reply: FastifyReply, caller: Caller, now: Date): void {
  const expiresAt = nearExpiry(caller, now);
  if (expiresAt) reply.header('x-watchfloor-token-expires', expiresAt);
}

// Any token could otherwise write timelines under a chat user's name of its choosing.
function notABot(name: string): ForbiddenError {
  return new ForbiddenError(`only a chat bot's token acts for chat users (x-watchfloor-on-behalf-of); the API token "${name}" is not one`, {
    hint: 'give the bot a token of its own: `watchfloor tokens create --name slack-bot --role officer --bot`',
    details: { needed: 'bot' },
  });
}

const INTAKE_ROUTES = 'POST /v1/ingest/*, POST /api/v2/alerts, POST /v1/surveys';

function intakeOnly(doing: string, name?: string): ForbiddenError {
  return new ForbiddenError(`an intake token${name ? ` (${name})` : ''} only feeds alerts, telemetry and survey answers (${INTAKE_ROUTES}); it may not ${doing}`, {
    hint: 'use a person\'s token for this; intake tokens are for Alertmanager and other senders of alerts',
    details: { needed: 'a person\'s role', role: 'intake' },
  });
}

export function requireRole(caller: Caller, needed: TokenRole): void {
  const { role, name } = caller.actor;
  if (needed === 'intake') {
    if (role === 'intake') return;
    throw new ForbiddenError(`${INTAKE_ROUTES} takes an intake token; ${name} is ${role}`, {
      hint: 'create one for the sender: `watchfloor tokens create --name alertmanager --role intake`',
      details: { needed, role },
    });
  }
  if (role === 'intake') throw intakeOnly('do this', name);
  if (roleAtLeast(role, needed)) return;
  // A chat user refused through a bot's token should read their own name.
  const who = caller.via ? `${name} (through ${caller.via})` : name;
  throw new ForbiddenError(`this needs the ${needed} role; ${who} is ${role}`, {
    hint: `ask an admin for a token with the ${needed} role`,
    details: { needed, role },
  });
}

/** Authenticates and checks the role of every route that declares one. */
export function installAuth(app: FastifyInstance, ctx: HubContext): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config.role;
    if (!needed) return;
    const caller = await authenticate(ctx, presentedBy(request));
    flagNearExpiry(reply, caller, ctx.now());
    requireRole(caller, needed);
    request.caller = caller;
  });
}

/** The authenticated caller of a route that declared a role. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error(`route ${request.routeOptions.url} has no role, so no caller`);
  return request.caller;
}
