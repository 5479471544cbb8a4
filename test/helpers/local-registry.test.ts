// The local registry the package's install test resolves through: what it
// serves must be what npm checks (names, the versions the lock pins, latest,
// tarballs whose bytes match their integrity), and the skip decision must
// count only the tarballs a global install can ask for.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedContentPath, lockedVersions, missingTarballs, startLocalRegistry, type LocalRegistry } from './local-registry.js';

const integrityOf = (bytes: Buffer) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
const TARBALLS = { a1: Buffer.from('a@1.2.0'), a2: Buffer.from('a@1.10.0'), b: Buffer.from('@s/b@2.0.0'), dev: Buffer.from('d@1.0.0') };

describe('the local npm registry', () => {
  let dir: string;
  let registry: LocalRegistry;
  const lockfile = () => join(dir, 'package-lock.json');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-registry-'));
    const packages = {
      '': { name: 'root', version: '0.0.0' },
      'node_modules/a': { version: '1.10.0', integrity: integrityOf(TARBALLS.a2), bin: { a: 'cli.js' }, license: 'MIT', funding: 'left out' },
      'node_modules/@s/b': { version: '2.0.0', integrity: integrityOf(TARBALLS.b), dependencies: { a: '^1.2.0' }, hasInstallScript: true },
      'node_modules/@s/b/node_modules/a': { version: '1.2.0', integrity: integrityOf(TARBALLS.a1) },
      'node_modules/d': { version: '1.0.0', integrity: integrityOf(TARBALLS.dev), dev: true },
      'node_modules/not-cached': { version: '3.0.0', integrity: integrityOf(Buffer.from('never cached')) },
      'node_modules/other-os': { version: '1.0.0', integrity: integrityOf(Buffer.from('x')), optional: true, os: ['win32'] },
      'node_modules/linked': { resolved: '../elsewhere', link: true },
    };
    writeFileSync(lockfile(), JSON.stringify({ lockfileVersion: 3, packages }));
    for (const bytes of Object.values(TARBALLS)) {
      const path = cachedContentPath(dir, integrityOf(bytes));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
    registry = await startLocalRegistry({ lockfilePath: lockfile(), cacheDir: dir });
  });

  afterAll(async () => {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every installed version from the lock, links and the root left out', () => {
    expect(lockedVersions(lockfile()).map((v) => `${v.name}@${v.version}${v.dev ? ' dev' : ''}`)).toEqual([
      'a@1.10.0',
      '@s/b@2.0.0',
      'a@1.2.0',
      'd@1.0.0 dev',
      'not-cached@3.0.0',
      'other-os@1.0.0',
    ]);
  });

  it('names the uncached tarballs an install may fetch: not dev ones, not another platform’s', () => {
    expect(missingTarballs(lockedVersions(lockfile()), dir, { os: 'linux', cpu: 'x64' })).toEqual(['not-cached@3.0.0']);
    expect(missingTarballs(lockedVersions(lockfile()), dir, { os: 'win32', cpu: 'x64' })).toEqual(['not-cached@3.0.0', 'other-os@1.0.0']);
  });

  it('serves one packument a name with all its versions, latest the highest, the manifest fields npm reads', async () => {
    const res = await fetch(`${registry.url}a`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { 'dist-tags': { latest: string }; versions: Record<string, Record<string, unknown>> };
    expect(doc['dist-tags'].latest).toBe('1.10.0');
    expect(Object.keys(doc.versions).sort()).toEqual(['1.10.0', '1.2.0']);
    expect(doc.versions['1.10.0']).toEqual({
      name: 'a',
      version: '1.10.0',
      bin: { a: 'cli.js' },
      license: 'MIT',
      dist: { tarball: `${registry.url}-/tarballs/a/1.10.0.tgz`, integrity: integrityOf(TARBALLS.a2) },
    });
  });

  it('answers a scoped name as npm asks for it, and serves its tarball with the bytes its integrity names', async () => {
    const doc = (await (await fetch(`${registry.url}@s%2fb`, { signal: AbortSignal.timeout(5_000) })).json()) as {
      versions: Record<string, { dependencies: unknown; hasInstallScript: boolean; dist: { tarball: string; integrity: string } }>;
    };
    const v = doc.versions['2.0.0']!;
    expect(v.dependencies).toEqual({ a: '^1.2.0' });
    expect(v.hasInstallScript).toBe(true);
    const bytes = Buffer.from(await (await fetch(v.dist.tarball, { signal: AbortSignal.timeout(5_000) })).arrayBuffer());
    expect(integrityOf(bytes)).toBe(v.dist.integrity);
  });

  it('is a 404 for an unknown name and a tarball the cache lacks, and records both', async () => {
    const unknown = await fetch(`${registry.url}bufferutil`, { signal: AbortSignal.timeout(5_000) });
    const uncached = await fetch(`${registry.url}-/tarballs/not-cached/3.0.0.tgz`, { signal: AbortSignal.timeout(5_000) });
    expect([unknown.status, uncached.status]).toEqual([404, 404]);
    expect(registry.misses).toEqual(['/bufferutil', '/-/tarballs/not-cached/3.0.0.tgz']);
  });
});
