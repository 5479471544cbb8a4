// API tokens in the store (only their hashes).
import type { TokenInfo } from '../../core/model.js';

export interface TokenRecord extends TokenInfo {
  hash: string;
}

export interface TokenReader {
  listTokens(): Promise<TokenInfo[]>;
  getToken(id: string): Promise<TokenRecord | undefined>;
  getTokenByHash(hash: string): Promise<TokenRecord | undefined>;
}

export interface TokenWriter {
  insertToken(token: TokenRecord): Promise<void>;
  revokeToken(id: string, at: string): Promise<void>;
  touchToken(id: string, at: string): Promise<void>;
}
