// Long-lived requests (the event stream) are authorised once, when they open,
// and then live for hours: a token revoked or expired since must end them.
// Each is held here under its token; a revoke through this hub ends them at
// once, a timer ends them when their token expires, and a periodic look at
// the store ends those of tokens revoked elsewhere (another hub over the same
// database).
import type { TokenReader } from '../store/token-store.js';
import { isLive } from './tokens.js';

/** The token a session came with: its id, and when it expires (null: never). */
export interface HeldToken {
  id: string;
  expiresAt: string | null;
}

export interface TokenSessions {
  /** Holds a session of `token`: `end` is called once if the token stops being valid. Returns the release. */
  hold(token: HeldToken, end: () => void): () => void;
  /** Ends every session of a token revoked here, now. */
  revoked(tokenId: string): void;
  /** Looks each held token up in the store and ends the sessions of those no longer live. */
  recheck(): Promise<void>;
  close(): void;
}

export interface TokenSessionOptions {
  now?: () => Date;
  /** How often held tokens are looked up in the store (default 30 s). */
  recheckMs?: number;
  log?: (line: string) => void;
}

export const RECHECK_MS = 30_000;
// setTimeout's limit is about 24.8 days; a later expiry is re-armed from a day ahead.
const MAX_TIMER_MS = 86_400_000;

interface Session {
  end: () => void;
  timer?: NodeJS.Timeout;
}

export function createTokenSessions(store: Pick<TokenReader, 'getToken'>, options: TokenSessionOptions = {}): TokenSessions {
  const now = options.now ?? (() => new Date());
  const held = new Map<string, Set<Session>>();

  const stop = (tokenId: string, session: Session) => {
    clearTimeout(session.timer);
    const sessions = held.get(tokenId);
    sessions?.delete(session);
    if (sessions?.size === 0) held.delete(tokenId);
  };

  const endSession = (tokenId: string, session: Session) => {
    stop(tokenId, session);
    try {
      session.end();
    } catch (e) {
      options.log?.(`ending a session of ${tokenId} failed: ${String(e)}`);
    }
  };

  const endAll = (tokenId: string) => {
    for (const session of [...(held.get(tokenId) ?? [])]) endSession(tokenId, session);
  };

  const armExpiry = (token: HeldToken, session: Session) => {
    if (token.expiresAt === null) return;
    const left = Date.parse(token.expiresAt) - now().getTime();
    if (left <= 0) return endSession(token.id, session);
    session.timer = setTimeout(() => armExpiry(token, session), Math.min(left, MAX_TIMER_MS));
    session.timer.unref();
  };

  const recheck = async () => {
    for (const tokenId of [...held.keys()]) {
      const token = await store.getToken(tokenId);
      if (!token || !isLive(token, now())) endAll(tokenId);
    }
  };

  const timer = setInterval(() => {
    if (held.size) recheck().catch((e: unknown) => options.log?.(`token sessions: recheck failed: ${String(e)}`));
  }, options.recheckMs ?? RECHECK_MS);
  timer.unref();

  return {
    hold(token, end) {
      const session: Session = { end };
      let sessions = held.get(token.id);
      if (!sessions) held.set(token.id, (sessions = new Set()));
      sessions.add(session);
      armExpiry(token, session);
      return () => stop(token.id, session);
    },
    revoked: endAll,
    recheck,
    close() {
      clearInterval(timer);
      for (const sessions of held.values()) for (const s of sessions) clearTimeout(s.timer);
      held.clear();
    },
  };
}
