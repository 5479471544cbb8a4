// The read bundle's loader (src/code-cache.ts): V8's bytecode saved after a
// run and taken back on the next, in a private directory only, refused and
// rewritten when it does not fit, and import() working from the loaded code.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheUseFor, codeCacheDir, loadWithCodeCache } from '../../src/code-cache.js';
import { DIST } from '../integration/bundle-imports.js';

// V8 keeps what it compiled in memory too, so whether bytecode came from the
// file is only true of a fresh process: the built loader, run as the bin runs it.
function loadInChild(file: string, use: string, env: Record<string, string>): { fromCache: boolean; sum: number } {
  const script = `const { loadWithCodeCache } = require(${JSON.stringify(join(DIST, 'code-cache.cjs'))});
const b = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(use)}, process.env);
console.log(JSON.stringify({ fromCache: b.fromCache, sum: b.exports.add(20, 22) }));
b.saveCache();`;
  const r = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`loader child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { fromCache: boolean; sum: number };
}

interface Bundle {
  add(a: number, b: number): number;
  later(): Promise<string>;
}

const BUNDLE = `"use strict";
module.exports = { add: (a, b) => a + b, later: async () => (await __wfIm('./other.mjs')).word };
var __wfIm = typeof __wfIm == "function" ? __wfIm : (s) => import(s);
`;

describe('loadWithCodeCache', () => {
  let root: string;
  let env: Record<string, string>;
  let file: string;
  const cacheDir = () => join(root, 'cache', 'watchfloor');
  const cacheFiles = () => readdirSync(cacheDir()).filter((f) => f.endsWith('.v8'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wf-code-cache-'));
    env = { XDG_CACHE_HOME: join(root, 'cache') };
    file = join(root, 'bundle.cjs');
    writeFileSync(file, BUNDLE);
    writeFileSync(join(root, 'other.mjs'), "export const word = 'from beside the bundle';\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('compiles the first time, saves the bytecode privately, and takes it back the next time', async () => {
    expect(loadInChild(file, 'status', env)).toEqual({ fromCache: false, sum: 42 });
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(cacheFiles()).toHaveLength(1);
    expect(statSync(join(cacheDir(), cacheFiles()[0]!)).mode & 0o777).toBe(0o600);
    expect(loadInChild(file, 'status', env)).toEqual({ fromCache: true, sum: 42 });
    const inProcess = loadWithCodeCache<Bundle>(file, 'status', env);
    expect(await inProcess.exports.later()).toBe('from beside the bundle');
  });

  it('keeps one file per use, and a new build of the bundle replaces its old caches', () => {
    loadInChild(file, 'status', env);
    loadInChild(file, 'sites', env);
    expect(cacheFiles()).toHaveLength(2);
    writeFileSync(file, `${BUNDLE}// rebuilt\n`);
    expect(loadInChild(file, 'status', env).fromCache).toBe(false);
    expect(cacheFiles().filter((f) => f.includes('-status-'))).toHaveLength(1);
    expect(cacheFiles().filter((f) => f.includes('-sites-'))).toHaveLength(1);
    expect(loadInChild(file, 'status', env).fromCache).toBe(true);
  });

  it('refuses a damaged cache, compiles from source and rewrites it', () => {
    loadInChild(file, 'status', env);
    const [name] = cacheFiles();
    writeFileSync(join(cacheDir(), name!), Buffer.from('not bytecode at all'));
    expect(loadInChild(file, 'status', env)).toEqual({ fromCache: false, sum: 42 });
    expect(loadInChild(file, 'status', env).fromCache).toBe(true);
  });

  it('never reads or writes a cache in a directory others can write', () => {
    loadInChild(file, 'status', env);
    chmodSync(cacheDir(), 0o777);
    expect(loadInChild(file, 'status', env)).toEqual({ fromCache: false, sum: 42 });
    chmodSync(cacheDir(), 0o700);
  });

  it('is off with WATCHFLOOR_CODE_CACHE=0, and a plain require of the bundle still runs', async () => {
    expect(codeCacheDir({ ...env, WATCHFLOOR_CODE_CACHE: '0' })).toBeUndefined();
    const off = loadWithCodeCache<Bundle>(file, 'status', { ...env, WATCHFLOOR_CODE_CACHE: '0' });
    off.saveCache();
    expect(() => readdirSync(cacheDir())).toThrow();
    const { createRequire } = await import('node:module');
    const plain = createRequire(import.meta.url)(file) as Bundle;
    expect(await plain.later()).toBe('from beside the bundle');
  });
});

describe('cacheUseFor', () => {
  it.each([
    [['status', '--json'], 'status'],
    [['incidents', 'list'], 'incidents'],
    [['sites'], 'sites'],
    [['--version'], 'version'],
    [['-V'], 'version'],
    [['kpi', 'remote'], 'other'],
    [['../../etc'], 'other'],
    [[], 'other'],
  ])('%j → %s', (argv, use) => {
    expect(cacheUseFor(argv)).toBe(use);
  });
});
