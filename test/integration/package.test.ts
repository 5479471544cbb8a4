// Issue 13: installable. `npm pack` (the build runs at prepack, so the user's
// machine never builds) ships what runs and nothing else; the packed CLI starts
// from the unpacked tarball alone (its hot path is one bundle); and the tarball
// installs globally into a clean prefix, then runs `--version`, a demo hub,
// `status --json` against it and `demo`, all from the installed copy. That
// install resolves the dependencies through a registry: here one on 127.0.0.1
// (helpers/local-registry.ts) serving the lockfile's versions from npm's cache,
// which `npm ci` filled. Nothing reaches past loopback: every node process it
// starts (npm, the install scripts, watchfloor) carries a preload that ends it
// with 99 on any other address, prebuild-install is told to build from source
// rather than download, and node-gyp builds better-sqlite3 against the running
// node's own headers. Without the toolchain, the headers or the cached
// tarballs, that part is skipped and the run's last line says why
// (WATCHFLOOR_REQUIRE_SYSTEM_PROGRAMS=1: it fails instead).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCliProcess, type CliCommand, type CliEnv, type CliResult } from '../helpers/cli.js';
import { startDemoHubProcess } from '../helpers/demo-hub-process.js';
import { lockedVersions, missingTarballs, startLocalRegistry, type LocalRegistry } from '../helpers/local-registry.js';
import { decidePrerequisite, decideSystemProgram, describeAfter, systemProgramPath } from '../helpers/system-programs.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LOCKFILE = join(ROOT, 'package-lock.json');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  private?: boolean;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const LOOPBACK_ONLY = join(import.meta.dirname, '..', 'helpers', 'loopback-only.cjs');
// The install compiles better-sqlite3 (and ssh2's optional bindings, which npm 11 still runs with a warning): on two
// cores shared with other test runs it took 4 to 9 minutes alone, and about 18 inside a full `npm test` while four
// other full suites ran (load 22). Removing the ~29,000 files it leaves took over a minute.
const INSTALL_TIMEOUT_MS = 30 * 60_000;
const CLEANUP_TIMEOUT_MS = 5 * 60_000;

let dir: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-pack-'));
  // --ignore-scripts: prepack would rebuild dist/ under the feet of the other test files; `npm test` built it.
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const [packed] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  files = packed!.files.map((f) => f.path).sort();
  tarball = join(dir, packed!.filename);
  execFileSync('tar', ['xzf', tarball, '-C', dir], { timeout: 30_000 });
}, 90_000);

afterAll(() => rm(dir, { recursive: true, force: true }), CLEANUP_TIMEOUT_MS);

describe('the npm package', () => {
  it('is publishable and builds when packed', () => {
    expect(PKG.private).toBeUndefined();
    expect(PKG.scripts.prepack).toBe('npm run build');
  });

  it('ships the bundle, the bin, the built-in playbooks, completions and docs — no sources, tests or source maps', () => {
    expect(files).toContain('dist/main.js');
    expect(files).toContain('dist/read.cjs');
    expect(files).toContain('dist/terminal.cjs');
    expect(files).toContain('bin/package.json');
    expect(files).toContain('bin/watchfloor.js');
    expect(files).toContain('playbooks/egate-bank-failure.yaml');
    expect(files).toContain('completions/watchfloor.bash');
    expect(files).toContain('README.md');
    expect(files.filter((f) => /^(src|test|bench|scripts|\.ci)\/|\.map$|\.ts$|^node_modules\//.test(f))).toEqual([]);
  });

  it('declares only dependencies the lockfile pins (what the install below resolves them from)', () => {
    const locked = new Set(lockedVersions(LOCKFILE).filter((v) => !v.dev).map((v) => v.name));
    expect(Object.keys(PKG.dependencies).filter((name) => !locked.has(name))).toEqual([]);
  });

  it('runs --version from the unpacked tarball alone: no node_modules, NODE_PATH unset, another directory', () => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir };
    const r = spawnSync(process.execPath, [join(dir, 'package', 'bin', 'watchfloor.js'), '--version'], { cwd: tmpdir(), env, encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });
});

// npm's own cache, as `npm ci` used it (npm_config_cache and all): the registry below serves its tarballs.
const NPM_CACHE = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8', timeout: 30_000 }).trim();
const uncached = missingTarballs(lockedVersions(LOCKFILE), NPM_CACHE);
const NODE_GYP_NEEDS = (['make', 'g++', 'python3', 'node-headers'] as const).map((p) => decideSystemProgram(p));
const cacheDecision = decidePrerequisite(
  uncached.length
    ? { what: `npm's cache ${NPM_CACHE} lacks ${uncached.length} locked tarball(s) (${uncached.slice(0, 3).join(', ')}${uncached.length > 3 ? ', …' : ''})`, remedy: 'npm ci fetches them' }
    : undefined,
);

describeAfter([...NODE_GYP_NEEDS, cacheDecision], 'npm install -g of the tarball into a clean prefix, from a registry on 127.0.0.1', () => {
  let registry: LocalRegistry;
  let work: string;
  let prefix: string;
  let install: CliResult;
  let installed: CliCommand;
  let cli: CliEnv;
  let npmEnv: Record<string, string>;
  let npm: CliCommand;

  beforeAll(async () => {
    work = join(dir, 'install');
    prefix = join(work, 'prefix');
    const home = join(work, 'home');
    for (const d of [prefix, home, join(work, 'tmp')]) mkdirSync(d, { recursive: true });
    writeFileSync(join(home, '.npmrc'), '');
    registry = await startLocalRegistry({ lockfilePath: LOCKFILE, cacheDir: NPM_CACHE });
    const headers = systemProgramPath('node-headers');
    // Built from nothing, not from this process's: no NODE_PATH, no npm_config_* of `npm test`, no node_modules/.bin on PATH.
    const env = (npmEnv = {
      PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
      HOME: home,
      TMPDIR: join(work, 'tmp'),
      NODE_OPTIONS: `--require=${LOOPBACK_ONLY}`,
      // prebuild-install would download a binary from github.com; told to build from source, it declines at once.
      npm_config_build_from_source: 'true',
      // node-gyp reads the headers from here instead of downloading them.
      npm_config_nodedir: dirname(dirname(dirname(headers))),
      PYTHON: systemProgramPath('python3'),
    });
    const args = ['install', '--global', '--prefix', prefix, tarball, '--registry', registry.url, '--cache', join(work, 'npm-cache')];
    // A fresh cache, so nothing comes from the real one but through the registry; the user's and project's npmrc left out.
    args.push('--userconfig', join(home, '.npmrc'), '--allow-scripts=better-sqlite3', '--no-audit', '--no-fund', '--no-update-notifier', '--foreground-scripts');
    npm = { file: 'npm', args: [], cwd: work };
    install = await runCli(args, env, INSTALL_TIMEOUT_MS, npm);
    installed = { file: join(prefix, 'bin', 'watchfloor'), args: [], cwd: work };
    // The installed copy's environment: its bin's directory and node on PATH, the loopback guard, its own config and temp folders.
    cli = cliEnv({ PATH: [join(prefix, 'bin'), env.PATH].join(':'), NODE_OPTIONS: env.NODE_OPTIONS, TMPDIR: env.TMPDIR });
  }, INSTALL_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    cli?.cleanup();
    await registry?.close();
  });

  it('installs from the loopback registry alone, building better-sqlite3 against the local headers', () => {
    const tail = `${install.stdout}\n${install.stderr}`.split('\n').slice(-40).join('\n');
    expect(install.code, tail).toBe(0);
    expect(install.stderr).not.toContain('loopback-only: refused');
    // Optional peers nobody installs (bufferutil, react-devtools-core, …) are asked for and 404; a tarball never is.
    expect(registry.misses.filter((path) => path.startsWith('/-/tarballs/'))).toEqual([]);
    expect(registry.requests.some((r) => r.startsWith('GET /-/tarballs/better-sqlite3/'))).toBe(true);
    const lib = join(prefix, 'lib', 'node_modules', 'watchfloor');
    expect(existsSync(join(lib, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(lib, 'dist', 'main.js'))).toBe(true);
  });

  it('ran npm under a live guard: pointed off this machine, npm is stopped before it connects', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): nothing answers there, and the guard stops the attempt first.
    const r = await runCli(['view', 'better-sqlite3', 'version', '--registry', 'http://192.0.2.10:4873/', '--cache', join(work, 'npm-cache')], npmEnv, 60_000, npm);
    expect(r.code).toBe(99);
    expect(r.stderr).toContain('loopback-only: refused a connection to 192.0.2.10:4873');
  }, 90_000);

  it('runs --version from the installed bin', async () => {
    const r = await runCli(['--version'], cli.env, 20_000, installed);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it('starts a demo hub from the installed copy, and status --json against it lists the 104 sites (103 public, the 992 line)', async () => {
    const hub = await startDemoHubProcess(cli, { command: installed });
    try {
      expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await runCli(['status', '--json'], cli.env, 30_000, installed);
      expect(r.code, r.stderr).toBe(0);
      const status = JSON.parse(r.stdout) as { sites: { id: string }[]; totals: { sites: number } };
      expect(status.sites).toHaveLength(104);
      expect(status.totals.sites).toBe(104);
    } finally {
      await hub.stop();
    }
  }, 90_000);

  it('runs demo from the installed copy: its status lines come, and it stops on SIGTERM', async () => {
    const demo = await startCliProcess(['demo', '--port', '0', '--seed', '7', '--json'], cli.env, (line) => (Array.isArray(line.sites) ? line.sites.length : undefined), 60_000, installed);
    await demo.stop();
    expect(demo.value).toBe(104);
    expect(demo.child.exitCode, demo.stderr()).toBe(0);
  }, 90_000);
});
