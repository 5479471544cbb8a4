// `watch` through the built CLI: a clear refusal when not on a terminal, and
// Ink and React kept off every other command's start-up path.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../helpers/cli.js';
import { DIST, codeLoadedWith, staticImports } from './bundle-imports.js';

const cli = cliEnv({ WATCHFLOOR_HUB: 'http://127.0.0.1:9' });
afterAll(() => cli.cleanup());

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
    const main = join(DIST, 'main.js');
    const loaded = [...staticImports(main)];
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((spec) => /^(ink|react)(\/|$)/.test(spec))).toEqual([]);
    // …while the watch chunk does load them, by dynamic import (the entry hands it to watch and demo as a loader).
    expect(codeLoadedWith(main)).toMatch(/import\(["']\.\/open-[\w-]+\.js["']\)/);
  });

  it('has help', async () => {
    const r = await runCli(['watch', '--help'], cli.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('live view of every site and the incident queue');
  });
});
