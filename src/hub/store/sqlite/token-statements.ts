// The SQLite statements of API tokens.
import type { TokenInfo } from '../../../core/model.js';
import type { TokenReader, TokenRecord, TokenWriter } from '../token-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { tokenFromRow, type TokenRow } from './rows.js';

export function tokenStatements(sql: Prepare): Synchronous<TokenReader & TokenWriter> {
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
      const row = sql('SELECT * FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
      return row && tokenFromRow(row);
    },

    insertToken(token: TokenRecord): void {
      sql(
        `INSERT INTO tokens (id, name, role, bot, hash, created_at, last_used_at, revoked_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(token.id, token.name, token.role, token.bot ? 1 : 0, token.hash, token.createdAt, token.lastUsedAt, token.revokedAt, token.expiresAt);
    },

    revokeToken(id: string, at: string): void {
      sql('UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(at, id);
    },

    touchToken(id: string, at: string): void {
      sql('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
    },
  };
}
