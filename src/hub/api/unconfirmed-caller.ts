// Authentication for the alert intake's fast path (fast-alert-intake.ts), the
// one route a storm calls thousands of times a second with one token. Two
// things authenticate() does per request are done less often here:
// - the token revision (PRAGMA data_version, ~14 µs a look) is looked at once
//   for a whole group commit: a kept token is taken as kept, and `confirm`,
//   awaited with the rest of its group's before anything is journaled (or the
//   request refused for another reason), looks; made in one synchronous
//   stretch, the group's confirmations share one look
//   (store/sqlite/data-version-look.ts), and a request read before it is one
//   sent before it, so a revocation committed before is seen;
// - a request that names no chat user, role or channel of its own gets the
//   caller made for the token's last such request, with no promise, caller or
//   confirmation made for it (their garbage was a fifth of the path's).
// What may be refused is refused exactly as authenticate() refuses it.
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import type { Store, TokenRecord } from '../store/store.js';
import { callerWith, lastUseDueAt, presentedHash, usable, verifiedTokens, type PresentedRequest } from './auth.js';

export interface UnconfirmedCaller {
  caller: Caller;
  /**
   * Throws as authenticate would if the token was revoked meanwhile; absent when it was read just now.
   * Awaited before the request is acted on, or refused for any other reason (so a revoked token reads 401).
   * One per token: a group's requests on one token share it.
   */
  confirm: (() => Promise<void>) | undefined;
}

/** A kept token's caller for requests that name nothing of their own, valid while the kept record is this one. */
interface Made {
  token: TokenRecord;
  unconfirmed: UnconfirmedCaller;
  /** When its last use is to be written again, and when it expires (ms; Infinity: never). */
  touchAt: number;
  expiresAt: number;
}

const madeByStore = new WeakMap<Store, Map<string, Made>>();
// As many as the verified tokens keep (verified-tokens.ts).
const MADE = 1_000;

function madeFor(store: Store): Map<string, Made> {
  let made = madeByStore.get(store);
  if (!made) madeByStore.set(store, (made = new Map()));
  return made;
}

/** Whether the request names a chat user, a role or a channel: then its caller is its own. */
const namesItsOwn = (headers: IncomingHttpHeaders): boolean =>
  headers['x-watchfloor-on-behalf-of'] !== undefined || headers['x-watchfloor-act-as'] !== undefined || headers['x-watchfloor-channel'] !== undefined;

/**
 * As authenticate, for a request acted on later among others whose tokens are
 * confirmed together (the alert intake's group commit); see the top of the file.
 */
export function authenticateUnconfirmed(ctx: HubContext, request: PresentedRequest): UnconfirmedCaller | Promise<UnconfirmedCaller> {
  const hash = presentedHash(request);
  const made = madeFor(ctx.store).get(hash);
  if (made && made.token === verifiedTokens(ctx.store).kept(hash) && !namesItsOwn(request.headers)) {
    const now = ctx.now().getTime();
    if (now < made.touchAt && now < made.expiresAt) return made.unconfirmed;
  }
  return makeUnconfirmed(ctx, request, hash, made?.unconfirmed.confirm);
}

async function makeUnconfirmed(ctx: HubContext, request: PresentedRequest, hash: string, confirmation: UnconfirmedCaller['confirm']): Promise<UnconfirmedCaller> {
  const verified = verifiedTokens(ctx.store);
  const kept = verified.kept(hash);
  if (!kept) return { caller: await callerWith(ctx, request, hash, usable(await verified.byHash(hash), ctx.now()), verified), confirm: undefined };
  const confirm = confirmation ?? (async () => void usable(await verified.byHash(hash), ctx.now()));
  let caller: Caller;
  try {
    caller = await callerWith(ctx, request, hash, usable(kept, ctx.now()), verified);
  } catch (e) {
    // Refused on what was kept: a token revoked meanwhile is refused as revoked, as authenticate would.
    await confirm();
    throw e;
  }
  const unconfirmed = { caller, confirm };
  // Its last use may just have been written: the record kept now says so.
  const token = verified.kept(hash);
  if (token && !namesItsOwn(request.headers)) {
    const made = madeFor(ctx.store);
    if (made.size >= MADE && !made.has(hash)) made.delete(made.keys().next().value!);
    made.set(hash, { token, unconfirmed, touchAt: lastUseDueAt(token), expiresAt: token.expiresAt ? Date.parse(token.expiresAt) : Infinity });
  }
  return unconfirmed;
}
