// The rules of the house (docs/architecture.md) that a machine can check,
// held over every .ts and .tsx file in src/: no import cycles, each room
// importing only the rooms it may (the entry wires the rest in), the bot never
// reading the CLI's printed output, small files. The rules are data, at the top; each is
// its own test, so a failure names the rule and lists what breaks it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { breaches, buildImportGraph, filesWithin, findCycles, lineCount, readSources, type ImportEdge, type ImportRule } from './helpers/import-graph.js';

/** Paths are repo-relative; one ending in `/` is a folder and everything under it. */
const IMPORT_RULES: readonly (ImportRule & { rule: string })[] = [
  {
    rule: 'src/hub imports nothing from src/sim, src/commands, src/ui or src/bot',
    from: ['src/hub/'],
    mayNotImport: ['src/sim/', 'src/commands/', 'src/ui/', 'src/bot/'],
  },
  {
    // The demo world reaches the hub (`hub start --demo`, `demo`) and the drill
    // commands (`sim …`) only as loaders the entry hands them.
    rule: 'only the entry, src/main.ts, imports the demo world in src/sim',
    from: ['src/'],
    except: ['src/sim/', 'src/main.ts'],
    mayNotImport: ['src/sim/'],
  },
  {
    rule: 'src/commands imports nothing from the chat bot, the terminal UI, the hub, the devices or the demo world',
    from: ['src/commands/'],
    mayNotImport: ['src/bot/', 'src/ui/', 'src/hub/', 'src/devices/', 'src/sim/'],
  },
  {
    rule: 'src/ui imports only the core and the renderers',
    from: ['src/ui/'],
    mayNotImport: ['src/commands/', 'src/bot/', 'src/hub/', 'src/devices/', 'src/sim/'],
  },
  {
    rule: 'src/core and src/render import no front end, no hub, no devices, no demo world',
    from: ['src/core/', 'src/render/'],
    mayNotImport: ['src/commands/', 'src/bot/', 'src/ui/', 'src/hub/', 'src/devices/', 'src/sim/'],
  },
  {
    rule: 'src/devices imports only the core',
    from: ['src/devices/'],
    mayNotImport: ['src/commands/', 'src/bot/', 'src/ui/', 'src/render/', 'src/hub/', 'src/sim/'],
  },
  {
    rule: 'src/bot neither runs the CLI nor captures its output',
    from: ['src/bot/'],
    // A deny-list, kept by hand: the files through which chat would read a
    // command's printed output instead of its result as data.
    mayNotImport: [
      // The CLI's runner: parses argv, writes the output to stdout/stderr, returns an exit code.
      'src/commands/run.ts',
      // The CLI's presenter, which prints each result to stdout and stderr.
      'src/commands/cli-presenter.ts',
    ],
  },
];

/** Folders that must not exist: what moved out of them must not grow back. */
const GONE: readonly { rule: string; folder: string }[] = [{ rule: 'the demo world lives in src/sim, not inside the hub', folder: 'src/hub/sim/' }];

const MAX_LINES = 400;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sources = readSources(ROOT, 'src');
const graph = buildImportGraph(sources);

const KIND_WORDS: Record<ImportEdge['kind'], string> = { static: 'import', type: 'type import', dynamic: 'dynamic import()', 're-export': 're-export' };
const describeEdge = (e: ImportEdge) => `${e.from}:${e.line} → ${e.to} (${KIND_WORDS[e.kind]} '${e.specifier}')`;

describe('the architecture of src/', () => {
  it('reads the whole tree: every relative import resolves to a source file', () => {
    // Were imports lost here, the rules below would pass over what they guard.
    expect(sources.has('src/main.ts')).toBe(true);
    expect(graph.unresolved.map((u) => `${u.from}:${u.line} '${u.specifier}'`)).toEqual([]);
  });

  it('has no import cycles (type-only and dynamic imports count)', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  for (const { rule, ...imports } of IMPORT_RULES) {
    it(rule, () => {
      expect(breaches(graph, imports).map(describeEdge)).toEqual([]);
    });
  }

  for (const { rule, folder } of GONE) {
    it(rule, () => {
      expect(filesWithin(graph, [folder])).toEqual([]);
    });
  }

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = [...sources].filter(([, text]) => lineCount(text) > MAX_LINES).map(([file, text]) => `${file}: ${lineCount(text)} lines`);
    expect(long).toEqual([]);
  });
});
