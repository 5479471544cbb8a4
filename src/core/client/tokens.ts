// API tokens: list, create (the secret comes back once), revoke.
import type { TokenInfo, TokenRole } from '../model.js';
import type { HubConnection } from './connection.js';

export function tokenCalls(hub: HubConnection) {
  return {
    listTokens: async (): Promise<TokenInfo[]> => (await hub.request<{ tokens: TokenInfo[] }>('GET', '/v1/tokens')).tokens,

    createToken: (input: { name: string; role: TokenRole; bot?: boolean; expires?: string }): Promise<{ token: TokenInfo; secret: string }> => hub.request('POST', '/v1/tokens', input),

    revokeToken: async (id: string): Promise<TokenInfo> =>
      (await hub.request<{ token: TokenInfo }>('DELETE', `/v1/tokens/${encodeURIComponent(id)}`)).token,
  };
}

export type TokenCalls = ReturnType<typeof tokenCalls>;
