// Long-lived requests (the event stream) are authorised once, when they open,
// and then live for hours: a token revoked since must end them. Each is held
// here under its token; a revoke through this hub ends them at once, and a
// periodic look at the store ends those of tokens revoked elsewhere (another
// hub over the same database).
import type { TokenReader } from '../store/token-store.js';

export interface TokenSessions {
  /** Holds a session of token `tokenId`: `end` is called once if the token stops being valid. Returns the release. */
  hold(tokenId: string, end: () => void): () => void;
  /** Ends every session of a token revoked here, now. */
  revoked(tokenId: string): void;
  /** Looks each held token up in the store and ends the sessions of the revoked ones. */
  recheck(): Promise<void>;
  close(): void;
}

export interface TokenSessionOptions {
  /** How often held tokens are looked up in the store (default 30 s). */
  recheckMs?: number;
  log?: (line: string) => void;
}

export const RECHECK_MS = 30_000;

export function createTokenSessions(store: Pick<TokenReader, 'getToken'>, options: TokenSessionOptions = {}): TokenSessions {
  const held = new Map<string, Set<() => void>>();

  const endAll = (tokenId: string) => {
    const ends = held.get(tokenId);
    held.delete(tokenId);
    for (const end of ends ?? []) {
      try {
        end();
      } catch (e) {
        options.log?.(`ending a session of ${tokenId} failed: ${String(e)}`);
      }
    }
  };

  const recheck = async () => {
    for (const tokenId of [...held.keys()]) {
      const token = await store.getToken(tokenId);
      if (!token || token.revokedAt) endAll(tokenId);
    }
  };

  const timer = setInterval(() => {
    if (held.size) recheck().catch((e: unknown) => options.log?.(`token sessions: recheck failed: ${String(e)}`));
  }, options.recheckMs ?? RECHECK_MS);
  timer.unref();

  return {
    hold(tokenId, end) {
      let ends = held.get(tokenId);
      if (!ends) held.set(tokenId, (ends = new Set()));
      ends.add(end);
      return () => {
        const current = held.get(tokenId);
        current?.delete(end);
        if (current?.size === 0) held.delete(tokenId);
      };
    },
    revoked: endAll,
    recheck,
    close() {
      clearInterval(timer);
      held.clear();
    },
  };
}
