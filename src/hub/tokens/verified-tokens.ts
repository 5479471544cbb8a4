// Tokens verified before, used again without the store. Every request
// presents a token, and reading it from the store queues behind the store's
// writes (one connection, one writer at a time): an ack waited for the
// demo's telemetry or the alert journal's transaction, then again for its
// own. A token's record changes only when it is revoked (and when its last
// use is noted, which is kept here too), so a verified token is kept under
// its secret's hash and used again while the store's token revision is the
// one it was read at: that moves with every revocation committed through
// this hub's store and with every commit by another hub over the same data
// file, so a token revoked anywhere is refused from the revoking commit on.
// Expiry is checked on each use, against the kept expiresAt. Unknown and
// refused tokens are never kept: a caller guessing secrets fills nothing.
import type { Store, TokenRecord } from '../store/store.js';

export interface VerifiedTokens {
  /** The token whose secret hashes to `hash`: kept if still valid, else read from the store (and kept if it exists). */
  byHash(hash: string): Promise<TokenRecord | undefined>;
  /**
   * The token kept under `hash`, without looking at the revision: as of the
   * last look, so to be confirmed with byHash before anything is acted on
   * (api/auth.ts: authenticateUnconfirmed).
   */
  kept(hash: string): TokenRecord | undefined;
  /** Its last use was just written: the kept record says so too, so the next request does not write it again. */
  touched(hash: string, at: string): void;
}

// Tokens in use at once are a handful (people, bots, senders); past this many the oldest go.
const KEPT = 1_000;

/** Field for field (all of them, so a field added later counts too). */
function sameRecord(a: TokenRecord, b: TokenRecord): boolean {
  const keys = Object.keys(a) as (keyof TokenRecord)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function createVerifiedTokens(store: Pick<Store, 'getTokenByHash' | 'tokenRevision'>): VerifiedTokens {
  let kept = new Map<string, TokenRecord>();
  // What was kept before the revision last moved: a token read again and found unchanged is kept as the same
  // object, so what was made of it (api/unconfirmed-caller.ts) holds across another connection's commits.
  let before = new Map<string, TokenRecord>();
  let revision: string | undefined;

  return {
    async byHash(hash) {
      const now = await store.tokenRevision();
      if (now !== revision) {
        before = kept;
        kept = new Map();
        revision = now;
      }
      const known = kept.get(hash);
      if (known) return known;
      const read = await store.getTokenByHash(hash);
      const earlier = before.get(hash);
      const token = read && earlier && sameRecord(read, earlier) ? earlier : read;
      // Read at `now` or later: kept only if nothing moved meanwhile, else read again next time.
      if (token && !token.revokedAt && revision === now && (await store.tokenRevision()) === now) {
        if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
        kept.set(hash, token);
      }
      return token;
    },
    kept: (hash) => kept.get(hash),
    touched(hash, at) {
      const known = kept.get(hash);
      if (known) kept.set(hash, { ...known, lastUsedAt: at });
    },
  };
}
