// The SQLite statements of API tokens.
import type Database from 'better-sqlite3';
import type { TokenInfo } from '../../../core/model.js';
import type { TokenReader, TokenRecord, TokenWriter } from '../token-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { tokenFromRow, type TokenRow } from './rows.js';

// Every request reads its token by hash; in an alert storm that is the same intake token thousands of times a
// second. A token read outside a transaction is kept, by hash, while the tokens table cannot have changed: any
// token write on this connection (even one later rolled back) forgets them all, and so does a commit by any other
// connection — another hub or a CLI over the same file — which SQLite's data_version shows on the next read. So a
// revocation takes effect on the very next request, as without the cache. Unknown hashes are never kept.
const MAX_KEPT = 1_000;

function tokenCache(sql: Prepare, db: Database.Database) {
  const dataVersion = sql('PRAGMA data_version').pluck();
  const kept = new Map<string, TokenRecord>();
  let seenVersion: unknown;
  return {
    read(hash: string, load: () => TokenRecord | undefined): TokenRecord | undefined {
      if (db.inTransaction) return load();
      const version = dataVersion.get();
      if (version !== seenVersion) {
        seenVersion = version;
        kept.clear();
      }
      const hit = kept.get(hash);
      if (hit) return { ...hit };
      const token = load();
      if (token) {
        if (kept.size >= MAX_KEPT) kept.clear();
        kept.set(hash, { ...token });
      }
      return token;
    },
    forget: () => kept.clear(),
  };
}

export function tokenStatements(sql: Prepare, db: Database.Database): Synchronous<TokenReader & TokenWriter> {
  const cache = tokenCache(sql, db);
  return {
    listTokens(): TokenInfo[] {
      return (sql('SELECT * FROM tokens ORDER BY created_at, id').all() as TokenRow[]).map((r) => {
        const { hash: _hash, ...info } = tokenFromRow(r);
        return info;
      });
    },

    getToken(id: string): TokenRecord | undefined {
      const row = sql('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined;
      return row && tokenFromRow(row);
    },

    getTokenByHash(hash: string): TokenRecord | undefined {
      return cache.read(hash, () => {
        const row = sql('SELECT * FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
        return row && tokenFromRow(row);
      });
    },

    insertToken(token: TokenRecord): void {
      cache.forget();
      sql(
        `INSERT INTO tokens (id, name, role, bot, hash, created_at, last_used_at, revoked_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(token.id, token.name, token.role, token.bot ? 1 : 0, token.hash, token.createdAt, token.lastUsedAt, token.revokedAt, token.expiresAt);
    },

    revokeToken(id: string, at: string): void {
      cache.forget();
      sql('UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(at, id);
    },

    touchToken(id: string, at: string): void {
      cache.forget();
      sql('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    },
  };
}
