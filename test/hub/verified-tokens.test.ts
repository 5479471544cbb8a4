// Verified tokens kept between requests: used again without reading the
// store (which queues behind its writers) only while nothing could have
// revoked them — a revocation through this store, or any commit by another
// hub over the same data file — and never kept when unknown or revoked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/hub/caller.js';
import { countCommitInThisThread, lookOncePerStretch } from '../../src/hub/store/sqlite/data-version-look.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store, TokenRecord } from '../../src/hub/store/store.js';
import { hashTokenSecret, issueToken, revokeToken } from '../../src/hub/tokens/tokens.js';
import { createVerifiedTokens } from '../../src/hub/tokens/verified-tokens.js';

const record = (hash: string, revokedAt: string | null = null): TokenRecord => ({
  id: `tok-${hash}`,
  name: hash,
  role: 'officer',
  bot: false,
  hash,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt,
  expiresAt: null,
});

describe('verified tokens (a store that counts its reads)', () => {
  const fake = () => {
    const tokens = new Map([['a', record('a')], ['gone', record('gone', '2026-01-01T00:00:00.000Z')]]);
    const store = {
      revision: '0',
      reads: 0,
      tokenRevision: async () => store.revision,
      getTokenByHash: async (hash: string) => (store.reads++, tokens.get(hash)),
    };
    return store;
  };

  it('reads a token once, then uses it again while the revision stays', async () => {
    const store = fake();
    const verified = createVerifiedTokens(store);
    expect((await verified.byHash('a'))?.id).toBe('tok-a');
    expect((await verified.byHash('a'))?.id).toBe('tok-a');
    expect(store.reads).toBe(1);
  });

  it('reads again once the revision moves', async () => {
    const store = fake();
    const verified = createVerifiedTokens(store);
    await verified.byHash('a');
    store.revision = '1';
    await verified.byHash('a');
    expect(store.reads).toBe(2);
  });

  it('keeps a token read again unchanged as the same object, and a changed one as read', async () => {
    const store = fake();
    // Each read a new object, as SQLite's rows are.
    const read = store.getTokenByHash;
    const copies = async (hash: string) => {
      const token = await read(hash);
      return token && { ...token };
    };
    const verified = createVerifiedTokens({ tokenRevision: async () => store.revision, getTokenByHash: copies });
    await verified.byHash('a');
    // Kept as noted: a record of its own, which the store's (read again below) equals no longer.
    verified.touched('a', '2026-03-03T00:00:00.000Z');
    const noted = verified.kept('a');
    store.revision = '1';
    const again = await verified.byHash('a');
    expect(again).not.toBe(noted);
    expect(again?.lastUsedAt).toBeNull();
    store.revision = '2';
    expect(await verified.byHash('a')).toBe(again);
    expect(store.reads).toBe(3);
  });

  it('keeps neither an unknown nor a revoked token', async () => {
    const store = fake();
    const verified = createVerifiedTokens(store);
    for (let i = 0; i < 2; i++) {
      expect(await verified.byHash('nobody')).toBeUndefined();
      expect((await verified.byHash('gone'))?.revokedAt).not.toBeNull();
    }
    expect(store.reads).toBe(4);
  });

  it('hands a kept token out without reading the revision (kept), and nothing it has not verified', async () => {
    const store = fake();
    let looks = 0;
    const counted = { ...store, tokenRevision: async () => (looks++, store.revision) };
    const verified = createVerifiedTokens(counted);
    expect(verified.kept('a')).toBeUndefined();
    await verified.byHash('a');
    await verified.byHash('gone');
    const before = looks;
    expect(verified.kept('a')?.id).toBe('tok-a');
    expect(verified.kept('gone')).toBeUndefined();
    expect(looks).toBe(before);
  });

  it('keeps its last use as noted, so it is not written again', async () => {
    const store = fake();
    const verified = createVerifiedTokens(store);
    await verified.byHash('a');
    verified.touched('a', '2026-02-02T00:00:00.000Z');
    expect((await verified.byHash('a'))?.lastUsedAt).toBe('2026-02-02T00:00:00.000Z');
  });
});

describe('the look at data_version, once a synchronous stretch', () => {
  it('is made once for calls in one stretch, again in the next, and again after a commit of this thread', async () => {
    let version = 1;
    let looks = 0;
    const look = lookOncePerStretch(() => (looks++, version));
    expect([look(), look(), look()]).toEqual([1, 1, 1]);
    expect(looks).toBe(1);
    version = 2;
    // Still the same stretch: what another process committed meanwhile is for the requests read after it.
    expect(look()).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect([look(), look()]).toEqual([2, 2]);
    expect(looks).toBe(2);
    version = 3;
    countCommitInThisThread();
    expect(look()).toBe(3);
    expect(looks).toBe(3);
  });
});

describe('verified tokens over SQLite, one data file and two hubs', () => {
  let dir = '';
  let stores: Store[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wf-verified-'));
    stores = [openSqliteStore(join(dir, 'hub.sqlite')), openSqliteStore(join(dir, 'hub.sqlite'))];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = (store: Store) => store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'officer', role: 'officer' }, new Date().toISOString()));

  it('a token revoked through the same store is refused from the revoking commit on', async () => {
    const [store] = stores as [Store];
    const { secret, token } = await issue(store);
    const verified = createVerifiedTokens(store);
    expect((await verified.byHash(hashTokenSecret(secret)))?.revokedAt).toBeNull();
    await store.transaction((tx) => revokeToken(tx, SYSTEM, token.id, new Date().toISOString()));
    expect((await verified.byHash(hashTokenSecret(secret)))?.revokedAt).not.toBeNull();
  });

  it('a token revoked by another hub over the same file is refused from its commit on', async () => {
    const [here, there] = stores as [Store, Store];
    const { secret, token } = await issue(here);
    const verified = createVerifiedTokens(here);
    expect((await verified.byHash(hashTokenSecret(secret)))?.revokedAt).toBeNull();
    // This hub's own writes since do not count as another hub's.
    const before = await here.tokenRevision();
    await issue(here);
    expect(await here.tokenRevision()).toBe(before);
    await there.transaction((tx) => revokeToken(tx, SYSTEM, token.id, new Date().toISOString()));
    expect(await here.tokenRevision()).not.toBe(before);
    expect((await verified.byHash(hashTokenSecret(secret)))?.revokedAt).not.toBeNull();
  });
});
