// Heavy modules load only in the commands that need them (ARCHITECTURE.md),
// read from the built bundles: the start-up path of every command (main.js and
// the chunks it loads statically) holds none of them, and each room the entry
// wires in is its own chunk, loaded by import() when its command runs. The
// read commands a duty officer runs all shift have a bundle of their own
// (read.cjs, one file) and are run against a hub with a recorder of what Node
// loads: no heavy package, no undici (their JSON calls go through node:http;
// undici loads for streams), and not the full bundle.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { DIST, chunkNamed, codeLoadedWith, packagesOf, staticImports } from './bundle-imports.js';

const main = join(DIST, 'main.js');
const read = join(DIST, 'read.cjs');
const HEAVY = /^(ink|react|@slack\/|botbuilder|fastify|better-sqlite3|zod|yaml|ssh2|prom-client|@inquirer\/|conf|pngjs|undici)(\/|$)/;
// undici is bundled, not imported as a package: its code is known by its error brand.
const holdsUndici = (code: string) => code.includes('undici.error.UND_ERR"');
const importsChunk = (name: string) => new RegExp(`import\\(["']\\./${name}-[\\w-]+\\.js["']\\)`);

describe('the bundle', () => {
  it('starts every command with only the hot-path packages: no UI, chat, hub or prompt packages', () => {
    const packages = packagesOf(staticImports(main));
    expect(packages.filter((p) => HEAVY.test(p))).toEqual([]);
  });

  it('starts every command without undici: the hub connection loads it by import() for its first stream', () => {
    const startUp = codeLoadedWith(main);
    expect(holdsUndici(startUp)).toBe(false);
    expect(startUp).toMatch(importsChunk('undici-hub'));
    expect(holdsUndici(codeLoadedWith(chunkNamed('undici-hub')))).toBe(true);
  });

  it('loads the command tree, and each read command alone, by import()', () => {
    const startUp = codeLoadedWith(main);
    expect(startUp).not.toContain('border-passport command centre'); // the program's own description
    expect(startUp).not.toContain('commander.unknownCommand'); // commander itself loads with the program
    for (const chunk of ['program', 'read-commands']) expect(startUp, chunk).toMatch(importsChunk(chunk));
    const readCommands = codeLoadedWith(chunkNamed('read-commands'));
    for (const chunk of ['status', 'incidents', 'sites']) expect(readCommands, chunk).toMatch(importsChunk(chunk));
    expect(readCommands).toContain('border-passport command centre');
  });

  it('loads each room the entry wires in by import(): hub, terminal UI, chat bots, emulator control', () => {
    const startUp = codeLoadedWith(main);
    for (const room of ['start', 'open', 'launch', 'client']) expect(startUp, room).toMatch(importsChunk(room));
  });

  it('starts `watchfloor bot` without Bolt or botbuilder: each loads when its platform starts', () => {
    const launch = chunkNamed('launch');
    expect(packagesOf(staticImports(launch)).filter((p) => /^(@slack\/|botbuilder)/.test(p))).toEqual([]);
    const launchCode = codeLoadedWith(launch);
    expect(launchCode).toMatch(importsChunk('app'));
    expect(launchCode).toMatch(importsChunk('server'));
    expect(packagesOf(staticImports(chunkNamed('app')))).toContain('@slack/bolt');
    expect(packagesOf(staticImports(chunkNamed('server')))).toContain('botbuilder');
  });

  it('loads the PNG encoder only when the Slack bot first uploads a chart', () => {
    const app = chunkNamed('app');
    expect(packagesOf(staticImports(app))).not.toContain('pngjs');
    expect(codeLoadedWith(app)).toMatch(importsChunk('forecast-png'));
    expect(packagesOf(staticImports(chunkNamed('forecast-png')))).toContain('pngjs');
  });
});

describe('the read bundle', () => {
  it('requires only Node built-ins and its terminal packages, and hands other words to the full bundle by import()', () => {
    const code = readFileSync(read, 'utf8');
    const required = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(required.filter((r) => !isBuiltin(r))).toEqual(['./terminal.cjs', './terminal.cjs']);
    expect(readFileSync(join(DIST, 'terminal.cjs'), 'utf8')).toContain('colWidths'); // cli-table3's own option
    // Its import() calls are __wfIm() calls, the loader's import() (scripts/build.mjs, src/code-cache.ts).
    expect(code).not.toMatch(/\bimport\(["']/);
    const imported = [...code.matchAll(/\b__wfIm\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
    expect(imported).toContain('./main.js');
    expect(imported.filter((spec) => HEAVY.test(spec) && !/^(conf|@inquirer\/prompts)$/.test(spec))).toEqual([]);
    expect(holdsUndici(code)).toBe(false);
  });
});

describe('the read commands, run against a hub', () => {
  let hub: TestHub;
  let cli: CliEnv;
  let runs = 0;
  const recorder = join(import.meta.dirname, '..', 'helpers', 'record-loads.mjs');
  const undiciChunks = readdirSync(DIST).filter((f) => f.endsWith('.js') && holdsUndici(readFileSync(join(DIST, f), 'utf8')));

  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken });
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    cli?.cleanup();
  });

  /** What Node loaded for one command: packages by name, our chunks by file name, built-ins by node: name. */
  async function loadedBy(args: string[]): Promise<{ packages: string[]; chunks: string[]; builtins: string[]; code: number | null; stderr: string }> {
    const log = join(cli.configDir, `loads-${++runs}.txt`);
    rmSync(log, { force: true });
    // Bounded generously: a shared machine under load, and the recorder's hook thread.
    const r = await runCli(args, { ...cli.env, WF_RECORD_LOADS: log }, 45_000, { file: process.execPath, args: ['--import', recorder, CLI_PATH] });
    const urls = readFileSync(log, 'utf8').trim().split('\n');
    rmSync(log, { force: true });
    const files = urls.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    return {
      packages: [...new Set(files.filter((f) => f.includes('/node_modules/')).map((f) => f.split('/node_modules/').pop()!.split('/').slice(0, 2).join('/')))],
      chunks: [...new Set(files.filter((f) => f.startsWith(DIST)).map((f) => f.slice(DIST.length + 1)))],
      builtins: urls.filter((u) => u.startsWith('node:')),
      code: r.code,
      stderr: r.stderr,
    };
  }

  it.each([[['status', '--json']], [['incidents', 'list', '--json']], [['sites', 'list', '--json']], [['sites', 'show', 'RUH', '--json']], [['--version']]])('%j loads no heavy package and no undici', async (args) => {
    const loaded = await loadedBy(args);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    // The read bundle alone (read by its loader, which runs it through V8's code cache), not the full
    // bundle's entry or any of its chunks.
    expect(loaded.chunks).toEqual(['code-cache.cjs']);
    expect(loaded.packages).toEqual([]);
    // --version prints before the read command code runs: no HTTP client, no commander (child_process is
    // what commander would require first, deferred by the build to its first use — which never comes).
    expect(loaded.builtins.includes('node:http')).toBe(args[0] !== '--version');
    expect(loaded.builtins).not.toContain('node:child_process');
  }, 60_000);

  it.each([[['incidents', 'list', '--json', 'id,title']], [['kpi', 'remote', '--json']]])('%j goes to the full bundle', async (args) => {
    const loaded = await loadedBy(args);
    expect(loaded.code).toBe(0);
    expect(loaded.chunks).toContain('main.js');
  }, 60_000);

  it('sees undici load where a command streams (a backup), so the recorder would catch it', async () => {
    expect(undiciChunks.length).toBeGreaterThan(0);
    const loaded = await loadedBy(['hub', 'backup', join(cli.configDir, 'backup.sqlite'), '--json']);
    expect(loaded.code).toBe(0);
    expect(loaded.chunks.filter((c) => undiciChunks.includes(c)).length).toBeGreaterThan(0);
    expect(loaded.chunks.filter((c) => /^program-[A-Z0-9]+\.js$/.test(c))).toHaveLength(1); // the whole tree, for a verb of no read command
    expect(loaded.chunks).toContain('main.js');
  }, 60_000);
});
