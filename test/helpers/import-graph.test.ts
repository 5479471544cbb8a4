// The import graph the architecture test stands on, checked on small
// fixtures: if it missed a kind of import or resolved a specifier wrongly, the
// architecture rules would pass over src/ without seeing what they guard.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breaches, buildImportGraph, filesWithin, findCycles, lineCount, moduleReferences, readSources, resolveSpecifier } from './import-graph.js';

const graphOf = (files: Record<string, string>) => buildImportGraph(new Map(Object.entries(files)));

describe('moduleReferences', () => {
  it('finds every kind of import, with its line', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C, type D } from './c.js';",
      "import { type E, e } from './e.js';",
      "export { f } from './f.js';",
      "export type { G } from './g.js';",
      "export * from './h.js';",
      "import './side-effect.js';",
      "const lazy = () => import('./lazy.js');",
      "const template = import(`./template.js`);",
      "const computed = (name: string) => import(name);",
      "type T = typeof import('./typeof.js');",
      "import z from 'zod';",
    ].join('\n');
    expect(moduleReferences('src/x.ts', text)).toEqual([
      { specifier: './a.js', kind: 'static', line: 1 },
      { specifier: './b.js', kind: 'type', line: 2 },
      { specifier: './c.js', kind: 'type', line: 3 },
      { specifier: './e.js', kind: 'static', line: 4 },
      { specifier: './f.js', kind: 're-export', line: 5 },
      { specifier: './g.js', kind: 'type', line: 6 },
      { specifier: './h.js', kind: 're-export', line: 7 },
      { specifier: './side-effect.js', kind: 'static', line: 8 },
      { specifier: './lazy.js', kind: 'dynamic', line: 9 },
      { specifier: './template.js', kind: 'dynamic', line: 10 },
      { specifier: './typeof.js', kind: 'type', line: 12 },
      { specifier: 'zod', kind: 'static', line: 13 },
    ]);
  });

  it('reads JSX in a .tsx file', () => {
    const text = "import { Box } from './box.js';\nexport const View = () => <Box>{import('./later.js') && 'x'}</Box>;\n";
    expect(moduleReferences('src/view.tsx', text).map((r) => r.specifier)).toEqual(['./box.js', './later.js']);
  });
});

describe('resolveSpecifier', () => {
  const files = new Set(['src/a.ts', 'src/c.tsx', 'src/x/index.ts', 'src/types.d.ts', 'src/hub/deep.ts']);
  const resolve = (from: string, specifier: string) => resolveSpecifier(from, specifier, (p) => files.has(p));

  it('maps a .js specifier to the .ts or .tsx source, and a folder to its index', () => {
    expect(resolve('src/b.ts', './a.js')).toBe('src/a.ts');
    expect(resolve('src/b.ts', './c.js')).toBe('src/c.tsx');
    expect(resolve('src/b.ts', './x/index.js')).toBe('src/x/index.ts');
    expect(resolve('src/b.ts', './x')).toBe('src/x/index.ts');
    expect(resolve('src/b.ts', './types.js')).toBe('src/types.d.ts');
    expect(resolve('src/hub/deep.ts', '../a.js')).toBe('src/a.ts');
    expect(resolve('src/a.ts', './hub/deep.ts')).toBe('src/hub/deep.ts');
  });

  it('resolves nothing for a package or a file that is not there', () => {
    expect(resolve('src/b.ts', 'zod')).toBeUndefined();
    expect(resolve('src/b.ts', 'node:fs')).toBeUndefined();
    expect(resolve('src/b.ts', './gone.js')).toBeUndefined();
  });
});

describe('buildImportGraph', () => {
  it('keeps the edges to source files and lists relative code imports that match nothing', () => {
    const graph = graphOf({
      'src/a.ts': "import { b } from './b.js';\nimport data from './sites.json';\nimport { z } from 'zod';\nimport { gone } from './gone.js';\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    expect(graph.edges.get('src/a.ts')).toEqual([{ from: 'src/a.ts', to: 'src/b.ts', specifier: './b.js', kind: 'static', line: 1 }]);
    expect(graph.edges.get('src/b.ts')).toEqual([]);
    expect(graph.unresolved).toEqual([{ from: 'src/a.ts', specifier: './gone.js', kind: 'static', line: 4 }]);
  });
});

describe('findCycles', () => {
  it('finds none in a graph without one', () => {
    expect(findCycles(graphOf({ 'src/a.ts': "import './b.js';", 'src/b.ts': "import './c.js';", 'src/c.ts': '' }))).toEqual([]);
  });

  it('gives each cycle as a chain of files, a self-import included', () => {
    const graph = graphOf({
      'src/a.ts': "import './b.js';",
      'src/b.ts': "import './c.js';",
      'src/c.ts': "import './a.js';",
      'src/self.ts': "export * from './self.js';",
    });
    expect(findCycles(graph)).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts'],
      ['src/self.ts', 'src/self.ts'],
    ]);
  });

  it('counts a cycle closed by a type-only or a dynamic import', () => {
    expect(findCycles(graphOf({ 'src/a.ts': "import type { B } from './b.js';", 'src/b.ts': "import { a } from './a.js';" }))).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
    ]);
    expect(findCycles(graphOf({ 'src/a.ts': "import './b.js';", 'src/b.ts': "export const load = () => import('./a.js');" }))).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
    ]);
  });

  it('reports every loop of a tangle, each once, in a stable order', () => {
    const files = { 'src/b.ts': "import './a.js';\nimport './c.js';", 'src/a.ts': "import './b.js';", 'src/c.ts': "import './b.js';" };
    const cycles = findCycles(graphOf(files));
    expect(cycles).toEqual([
      ['src/a.ts', 'src/b.ts', 'src/a.ts'],
      ['src/b.ts', 'src/c.ts', 'src/b.ts'],
    ]);
    expect(findCycles(graphOf(Object.fromEntries(Object.entries(files).reverse())))).toEqual(cycles);
  });
});

describe('breaches', () => {
  const graph = graphOf({
    'src/main.ts': "import './sim/world.js';",
    'src/hub/start.ts': "import type { W } from '../sim/world.js';\nimport './store.js';",
    'src/hub/store.ts': '',
    'src/sim/world.ts': "import './fleet.js';",
    'src/sim/fleet.ts': '',
  });

  it('names the imports from the guarded files into the forbidden ones, exceptions left out', () => {
    const found = breaches(graph, { from: ['src/'], except: ['src/sim/', 'src/main.ts'], mayNotImport: ['src/sim/'] });
    expect(found.map((e) => `${e.from} → ${e.to} (${e.kind})`)).toEqual(['src/hub/start.ts → src/sim/world.ts (type)']);
    expect(breaches(graph, { from: ['src/hub/'], mayNotImport: ['src/hub/store.ts'] })).toHaveLength(1);
    expect(breaches(graph, { from: ['src/sim/'], mayNotImport: ['src/hub/'] })).toEqual([]);
  });

  it('tells a folder (ending in /) from a file of the same prefix', () => {
    expect(filesWithin(graph, ['src/sim/'])).toEqual(['src/sim/world.ts', 'src/sim/fleet.ts']);
    expect(filesWithin(graph, ['src/main.ts', 'src/hub/store'])).toEqual(['src/main.ts']);
  });
});

describe('readSources and lineCount', () => {
  it('reads the .ts and .tsx files of a tree by repo-relative path, and counts lines as wc -l does', () => {
    const root = mkdtempSync(join(tmpdir(), 'wf-import-graph-'));
    try {
      mkdirSync(join(root, 'src', 'ui'), { recursive: true });
      writeFileSync(join(root, 'src', 'a.ts'), 'one\ntwo\n');
      writeFileSync(join(root, 'src', 'ui', 'view.tsx'), 'one\ntwo\nthree');
      writeFileSync(join(root, 'src', 'sites.json'), '{}');
      writeFileSync(join(root, 'src', 'README.md'), '# x');
      const sources = readSources(root, 'src');
      expect([...sources.keys()]).toEqual(['src/a.ts', 'src/ui/view.tsx']);
      expect([...sources.values()].map(lineCount)).toEqual([2, 3]);
      expect(lineCount('')).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
