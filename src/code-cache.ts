// Loads the read bundle (dist/read.cjs) through V8's code cache. Compiling is
// most of what `watchfloor status` spends beyond a bare HTTP GET: commander's
// 40 KB and our read path are parsed and turned into bytecode at every start.
// V8 can save that bytecode (vm.Script#createCachedData) and take it back on
// the next start instead of compiling. Node 20 has no compile cache of its own
// for user code (module.enableCompileCache is Node 22), so this does the same
// for the one file where start-up time matters.
//
// - The cache lives in the user's own cache directory (XDG_CACHE_HOME or
//   ~/.cache, then watchfloor/), mode 0700, files 0600: bytecode is code, so a
//   directory another user could write is never read. WATCHFLOOR_CODE_CACHE=0
//   turns it off.
// - One file per read command (status, incidents, sites, --version), written
//   after the command ran, so it holds the functions that command compiled;
//   its name carries Node's version and the bundle's size, mtime and inode, and
//   V8 itself refuses data from another V8, other flags or another source
//   length. A refused or missing cache is compiled from source and rewritten.
// - Code run by vm.Script cannot call import() on Node 20 without a flag, so
//   the build rewrites the bundle's import("…") to __wfIm("…") and this
//   loader passes the real import() in (scripts/build.mjs).
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { READ_NOUNS, isVersionOnly } from './commands/read-words.js';

export interface LoadedBundle<T> {
  exports: T;
  /** Whether V8 took the bytecode from the cache (false: compiled from source). */
  fromCache: boolean;
  /** Save the bytecode compiled so far, unless the cache already held it. Never throws. */
  saveCache(): void;
}

/** Which cache file a command line uses: each read command its own, everything else one more. */
export function cacheUseFor(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return (READ_NOUNS as readonly string[]).includes(first) ? first : isVersionOnly(argv) ? 'version' : 'other';
}

/** The cache directory, or undefined when there is none to use safely. */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>, home: () => string = homedir): string | undefined {
  if (env.WATCHFLOOR_CODE_CACHE === '0') return undefined;
  try {
    const base = env.XDG_CACHE_HOME || join(home(), '.cache');
    return join(base, 'watchfloor');
  } catch {
    return undefined;
  }
}

/** Only a directory of this user's that no one else can write. */
function privateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    return st.isDirectory() && (process.getuid === undefined || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Runs a CommonJS bundle the way require() would, with its bytecode from the
 * cache when there is a usable one. `use` names the cache file's purpose (one
 * per command), so each keeps the functions its command compiles.
 */
export function loadWithCodeCache<T>(file: string, use: string, env: Readonly<Record<string, string | undefined>> = process.env): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const dir = codeCacheDir(env);
  const usable = dir !== undefined && privateDir(dir);
  const stat = statSync(file);
  const prefix = `${basename(file)}-${use.replace(/[^\w-]/g, '_')}-`;
  const cachePath = usable ? join(dir, `${prefix}${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${stat.ino}.v8`) : undefined;
  const cachedData = readCache(cachePath);
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __wfIm) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const bundleUrl = pathToFileURL(file);
  const importFromBundle = (specifier: string) => import(specifier.startsWith('.') ? new URL(specifier, bundleUrl).href : specifier);
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), importFromBundle);
  return {
    get exports() {
      return module.exports;
    },
    fromCache,
    saveCache() {
      if (cachePath === undefined || fromCache) return;
      try {
        const temporary = `${cachePath}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cachePath);
        // Caches of earlier builds of this bundle for the same use.
        for (const old of readdirSync(dir!)) if (old.startsWith(prefix) && old.endsWith('.v8') && join(dir!, old) !== cachePath) rmSync(join(dir!, old), { force: true });
      } catch {
        // A cache is an optimisation: a full disk or a race with another run costs only the next start.
      }
    },
  };
}
