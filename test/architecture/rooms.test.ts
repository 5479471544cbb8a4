// The rules of the house about rooms (ARCHITECTURE.md), checked on the
// sources: no import cycles among the front ends, and the commands import no
// other room — not a type, not through import() — because the entry wires them.
import { describe, expect, it } from 'vitest';
import { cycles, cyclesTouching, importGraph, importsOf } from '../../scripts/import-cycles.mjs';

const graph = importGraph();
const importsInto = (from: string, into: readonly string[]) =>
  [...graph.entries()]
    .filter(([file]) => file.startsWith(`${from}/`))
    .flatMap(([file, targets]) => targets.filter((t) => into.some((room) => t.startsWith(`${room}/`))).map((t) => `${file} → ${t}`));

describe('rooms', () => {
  it('the checker sees every kind of import: static, type-only, re-exports and import()', () => {
    expect(importsOf('src/main.ts')).toEqual(expect.arrayContaining(['src/commands/real-deps.ts', 'src/commands/deps.ts', 'src/ui/open.tsx', 'src/bot/launch.ts', 'src/commands/run.ts']));
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']], ['c.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('no import cycles touch the commands, the chat bot, the terminal UI or the renderers', () => {
    expect(cyclesTouching(['src/commands', 'src/bot', 'src/ui', 'src/render'], graph)).toEqual([]);
  });

  it('the commands import nothing from the chat bot, the terminal UI, the hub or the demo world', () => {
    expect(importsInto('src/commands', ['src/bot', 'src/ui', 'src/hub', 'src/sim', 'src/devices'])).toEqual([]);
  });

  it('the terminal UI imports only the core and the renderers', () => {
    expect(importsInto('src/ui', ['src/commands', 'src/bot', 'src/hub', 'src/sim', 'src/devices'])).toEqual([]);
  });

  it('the core imports no front end', () => {
    expect(importsInto('src/core', ['src/commands', 'src/bot', 'src/ui', 'src/render'])).toEqual([]);
  });
});
