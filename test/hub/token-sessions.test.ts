// The sessions held under their tokens: ended at once by a revoke here, and by
// the periodic look at the store for a revoke made elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenRecord } from '../../src/hub/store/store.js';
import { createTokenSessions, type TokenSessions } from '../../src/hub/tokens/token-sessions.js';
import { waitUntil } from '../helpers/wait-until.js';

const token = (id: string, over: Partial<TokenRecord> = {}): TokenRecord => ({
  id,
  name: id,
  role: 'viewer',
  bot: false,
  hash: `hash-${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  expiresAt: null,
  ...over,
});

let sessions: TokenSessions | undefined;
afterEach(() => sessions?.close());

describe('token sessions', () => {
  it('a revoke here ends every session of that token once, and no other', () => {
    sessions = createTokenSessions({ getToken: async () => undefined }, { recheckMs: 60_000 });
    const ended: string[] = [];
    sessions.hold({ id: 'tok_a', expiresAt: null }, () => ended.push('a1'));
    sessions.hold({ id: 'tok_a', expiresAt: null }, () => ended.push('a2'));
    sessions.hold({ id: 'tok_b', expiresAt: null }, () => ended.push('b'));
    sessions.revoked('tok_a');
    sessions.revoked('tok_a');
    expect(ended).toEqual(['a1', 'a2']);
  });

  it('a released session is not ended; an end that throws does not stop the others', () => {
    const logs: string[] = [];
    sessions = createTokenSessions({ getToken: async () => undefined }, { recheckMs: 60_000, log: (l) => logs.push(l) });
    const ended: string[] = [];
    const release = sessions.hold({ id: 'tok_a', expiresAt: null }, () => ended.push('released'));
    sessions.hold({ id: 'tok_a', expiresAt: null }, () => {
      throw new Error('socket gone');
    });
    sessions.hold({ id: 'tok_a', expiresAt: null }, () => ended.push('kept'));
    release();
    sessions.revoked('tok_a');
    expect(ended).toEqual(['kept']);
    expect(logs).toEqual([expect.stringContaining('socket gone')]);
  });

  it('a session ends when its token expires: at once if it already has, by a timer if it is yet to', async () => {
    sessions = createTokenSessions({ getToken: async () => undefined }, { recheckMs: 60_000 });
    const ended: string[] = [];
    sessions.hold({ id: 'tok_past', expiresAt: new Date(Date.now() - 1).toISOString() }, () => ended.push('past'));
    expect(ended).toEqual(['past']);
    sessions.hold({ id: 'tok_soon', expiresAt: new Date(Date.now() + 50).toISOString() }, () => ended.push('soon'));
    sessions.hold({ id: 'tok_later', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, () => ended.push('later'));
    await waitUntil(() => ended.includes('soon'), { what: 'the expiring session to end', timeoutMs: 2_000 });
    expect(ended).toEqual(['past', 'soon']);
  });

  it('a token revoked elsewhere (another hub over the same store) ends its sessions at the next look', async () => {
    const store = new Map([['tok_a', token('tok_a')], ['tok_b', token('tok_b')]]);
    sessions = createTokenSessions({ getToken: async (id) => store.get(id) }, { recheckMs: 20 });
    const ended: string[] = [];
    sessions.hold({ id: 'tok_a', expiresAt: null }, () => ended.push('a'));
    sessions.hold({ id: 'tok_b', expiresAt: null }, () => ended.push('b'));
    store.set('tok_a', token('tok_a', { revokedAt: '2026-01-01T01:00:00.000Z' }));
    await waitUntil(() => ended.length > 0, { what: 'the revoked token’s session to end', timeoutMs: 2_000 });
    await sessions.recheck();
    expect(ended).toEqual(['a']);
  });
});
