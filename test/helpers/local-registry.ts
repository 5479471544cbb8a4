// An npm registry on 127.0.0.1 for the test that installs the packed tarball
// globally: a test may not reach the real registry (nor anything off this
// machine), and `npm install --offline` cannot resolve names from the cache.
// It serves packuments built from package-lock.json — every version the lock
// names, nothing else — and each tarball's bytes from npm's content-addressed
// cache, where `npm ci` left them. node:http only, so it needs nothing the
// install it serves could be testing.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** One package-lock.json `packages` entry: the fields a packument's version carries. */
interface LockEntry {
  name?: string;
  version?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  os?: string[];
  cpu?: string[];
  [field: string]: unknown;
}

export interface LockedVersion {
  name: string;
  version: string;
  integrity: string;
  /** Needed only to build or test this repository: a global install of the package never asks for it. */
  dev: boolean;
  entry: LockEntry;
}

// What npm reads from a version to resolve and place it; scripts and files come from the tarball itself.
const MANIFEST_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'engines',
  'os',
  'cpu',
  'license',
  'deprecated',
  'hasInstallScript',
] as const;

/** Every package version the lockfile installs (links and the root left out). */
export function lockedVersions(lockfilePath: string): LockedVersion[] {
  const lock = JSON.parse(readFileSync(lockfilePath, 'utf8')) as { packages: Record<string, LockEntry> };
  const found: LockedVersion[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.link || !entry.version || !entry.integrity) continue;
    // The folder's last name, unless the lock records the real one (an npm: alias).
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    found.push({ name, version: entry.version, integrity: entry.integrity, dev: entry.dev === true, entry });
  }
  return found;
}

/** Where npm's cache (cacache) keeps the bytes of `integrity`, e.g. `sha512-…`. */
export function cachedContentPath(cacheDir: string, integrity: string): string {
  const dash = integrity.indexOf('-');
  const hex = Buffer.from(integrity.slice(dash + 1), 'base64').toString('hex');
  return join(cacheDir, '_cacache', 'content-v2', integrity.slice(0, dash), hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

const fitsHere = (allowed: string[] | undefined, actual: string) =>
  !allowed || allowed.length === 0 || (allowed.some((a) => !a.startsWith('!')) ? allowed.includes(actual) : !allowed.includes(`!${actual}`));

/**
 * The `name@version`s a global install of the package may fetch whose tarball
 * the cache lacks: every version the lock installs outside development, left
 * out those for another platform (npm skips an optional one by its os and cpu
 * without fetching it).
 */
export function missingTarballs(versions: readonly LockedVersion[], cacheDir: string, platform = { os: process.platform as string, cpu: process.arch as string }): string[] {
  return versions
    .filter((v) => !v.dev && fitsHere(v.entry.os, platform.os) && fitsHere(v.entry.cpu, platform.cpu))
    .filter((v) => !existsSync(cachedContentPath(cacheDir, v.integrity)))
    .map((v) => `${v.name}@${v.version}`);
}

/** Compares release versions (x.y.z, then a pre-release below its release) for dist-tags.latest. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/-(.*)/s);
    return { nums: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export interface LocalRegistry {
  /** With a trailing slash, as `--registry` takes it. */
  url: string;
  /** Every request's method and path, in order: what the install asked for. */
  requests: string[];
  /** Requests it could not answer (an unknown name, a tarball not in the cache): each was a 404. */
  misses: string[];
  close(): Promise<void>;
}

const tarballPath = (name: string, version: string) => `/-/tarballs/${encodeURIComponent(name)}/${version}.tgz`;

/** Starts the registry on a free port of 127.0.0.1. */
export async function startLocalRegistry({ lockfilePath, cacheDir }: { lockfilePath: string; cacheDir: string }): Promise<LocalRegistry> {
  const byName = new Map<string, Map<string, LockedVersion>>();
  for (const v of lockedVersions(lockfilePath)) {
    const versions = byName.get(v.name) ?? new Map<string, LockedVersion>();
    versions.set(v.version, v);
    byName.set(v.name, versions);
  }
  const requests: string[] = [];
  const misses: string[] = [];
  let base = '';

  const packument = (name: string, versions: Map<string, LockedVersion>) => {
    const manifests: Record<string, unknown> = {};
    for (const [version, { integrity, entry }] of versions) {
      const manifest: Record<string, unknown> = { name, version };
      for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
      manifest.dist = { tarball: `${base}${tarballPath(name, version).slice(1)}`, integrity };
      manifests[version] = manifest;
    }
    const latest = [...versions.keys()].sort(compareVersions).at(-1);
    return { name, 'dist-tags': { latest }, versions: manifests };
  };

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://registry').pathname;
    requests.push(`${req.method} ${path}`);
    const notFound = () => {
      misses.push(path);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    };
    if (req.method !== 'GET') return notFound();
    const tarball = /^\/-\/tarballs\/([^/]+)\/([^/]+)\.tgz$/.exec(path);
    if (tarball) {
      const v = byName.get(decodeURIComponent(tarball[1]!))?.get(tarball[2]!);
      const file = v && cachedContentPath(cacheDir, v.integrity);
      if (!file || !existsSync(file)) return notFound();
      return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
    }
    // A scoped name comes as /@scope%2fname (or, from some clients, /@scope/name).
    const name = decodeURIComponent(path.slice(1));
    const versions = byName.get(name);
    if (!versions) return notFound();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(packument(name, versions)));
  };

  const server = createServer(answer);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    requests,
    misses,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
