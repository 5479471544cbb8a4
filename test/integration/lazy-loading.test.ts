// Heavy modules load only in the commands that need them (ARCHITECTURE.md),
// read from the built bundle: the start-up path of every command (main.js and
// the chunks it loads statically) holds none of them, and each room the entry
// wires in is its own chunk, loaded by import() when its command runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, chunkNamed, codeLoadedWith, packagesOf, staticImports } from './bundle-imports.js';

const main = join(DIST, 'main.js');
const importsChunk = (name: string) => new RegExp(`import\\(["']\\./${name}-[\\w-]+\\.js["']\\)`);

describe('the bundle', () => {
  it('starts every command with only the hot-path packages: no UI, chat, hub or prompt packages', () => {
    const packages = packagesOf(staticImports(main));
    const heavy = /^(ink|react|@slack\/|botbuilder|fastify|better-sqlite3|zod|yaml|ssh2|prom-client|@inquirer\/|conf|pngjs)(\/|$)/;
    expect(packages.filter((p) => heavy.test(p))).toEqual([]);
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
