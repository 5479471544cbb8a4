// Issue 13, item 5: help, hints and aliases as gh and kubectl users expect
// them. Each case was tried first as a new user against the built CLI; the
// finding is the comment above its test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/commands/program.js';
import type { Command } from 'commander';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { INCIDENTS } from './fixtures.js';

let cli: FakeCli;
let hub: StubHub;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/incidents?state=open&children=false', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/incidents/INC-000042', body: { incident: INCIDENTS[0], timeline: [] } },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
});

afterAll(async () => {
  await hub.close();
  cli.cleanup();
});

describe('help', () => {
  // Found: `watchfloor help` exited 2.
  it('`help` shows the program help and exits 0', async () => {
    const r = await cli.run('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: watchfloor [options] [command]');
  });

  // Found: `watchfloor help incidents` exited 2.
  it('`help incidents` shows the noun help and exits 0', async () => {
    const r = await cli.run('help', 'incidents');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: watchfloor incidents');
  });

  // Found: `watchfloor incidents` printed help on stderr and exited 2.
  it('a noun without a verb shows its help on stdout, exit 0', async () => {
    const r = await cli.run('incidents');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: watchfloor incidents');
    expect(r.stdout).toContain('resolve');
  });

  // Found: a verb's help listed only its own options, and most had no Examples.
  it('every help page shows the global flags and an Examples section', () => {
    const program = buildProgram(cli.deps);
    const pages: string[] = [];
    const visit = (c: Command) => {
      for (const sub of c.commands) {
        if ((sub as Command & { _hidden?: boolean })._hidden || sub.name() === 'help') continue;
        let text = '';
        sub.configureOutput({ writeOut: (s) => (text += s) });
        sub.outputHelp();
        pages.push(`${sub.name()}\n${text}`);
        visit(sub);
      }
    };
    visit(program);
    expect(pages.length).toBeGreaterThan(40);
    const missing = pages.filter((p) => !p.includes('Global Options:') || !p.includes('\nExamples:\n  watchfloor '));
    expect(missing.map((p) => p.split('\n')[0])).toEqual([]);
  });
});

describe('hints point at the right level', () => {
  // Found: `incidents ak 3` said "see `watchfloor --help`".
  it('an unknown verb names the noun help', async () => {
    const r = await cli.run('incidents', 'ak', '3');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("watchfloor: unknown command 'ak'\nhint: (Did you mean ack?) see `watchfloor incidents --help`\n");
  });

  it('a bad option on a verb names the verb help', async () => {
    const r = await cli.run('incidents', 'list', '--colour');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('see `watchfloor incidents list --help`');
  });

  // Found: `incidents resolve` without an id suggested `incidents ack 42`.
  it('resolve without an id suggests a resolve example', async () => {
    const r = await cli.run('incidents', 'resolve');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('watchfloor: missing incident id\nhint: give it as an argument, e.g. `watchfloor incidents resolve 42 --summary "e-gate 3 rebooted"`\n');
  });
});

describe('aliases', () => {
  // Found: "unknown command 'inc'".
  it('`inc ls` lists incidents like `incidents list`', async () => {
    const long = await cli.run('incidents', 'list');
    const short = await cli.run('inc', 'ls');
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(long.stdout);
    expect(short.stdout).toContain('INC-000042');
  });

  it('`inc view ID` shows one incident', async () => {
    const r = await cli.run('inc', 'view', '42', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).incident.id).toBe('INC-000042');
  });
});
