// `watch` through the built CLI: a clear refusal when not on a terminal, and
// Ink and React kept off every other command's start-up path.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, runCli } from '../helpers/cli.js';

const cli = cliEnv({ WATCHFLOOR_HUB: 'http://127.0.0.1:9' });
afterAll(() => cli.cleanup());

// What a file loads before it runs: its static imports, followed through our own chunks.
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
    const spec = match[1]!;
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(join(dirname(file), spec), seen);
  }
  return seen;
}

describe('watchfloor watch', () => {
  it('exits 2 with one line when stdout is not a terminal', async () => {
    const r = await runCli(['watch'], cli.env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'watchfloor: watch needs a terminal (its output is not one); for scripts use `watchfloor status --json`',
    ]);
  });

  it('--wall needs a terminal to draw on too', async () => {
    const r = await runCli(['watch', '--wall'], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('watch needs a terminal (its output is not one)');
  });

  it('loads Ink and React only in watch: nothing on the start-up path imports them', () => {
    const main = join(dirname(CLI_PATH), '..', 'dist', 'main.js');
    const loaded = [...staticImports(main)];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((spec) => /^(ink|react)(\/|$)/.test(spec))).toEqual([]);
    // …while the watch chunk does load them, by dynamic import (from main.js or
    // a chunk it shares with the chat bot, which runs the same command tree).
    const startUpCode = [main, ...loaded.filter((spec) => spec.startsWith('./')).map((spec) => join(dirname(main), spec))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(startUpCode).toMatch(/import\(["']\.\/open-[\w-]+\.js["']\)/);
  });

  it('has help', async () => {
    const r = await runCli(['watch', '--help'], cli.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('live view of every site and the incident queue');
  });
});
