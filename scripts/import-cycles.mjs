#!/usr/bin/env node
// Finds import cycles among our sources, counting every kind of import a
// bundler or a reader follows: static, `import type`, `export … from` and
// dynamic `import('…')`. "No import cycles between rooms" (ARCHITECTURE.md)
// is checked with this; test/architecture/rooms.test.ts runs it on every test run.
//   node scripts/import-cycles.mjs [src/commands src/bot …]   (default: src)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const IMPORT_PATTERNS = [
  // import x from '…', import type { x } from '…', export { x } from '…', export * from '…'
  /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  // import '…' (side effects only)
  /(?:^|[\s;}])import\s*['"]([^'"]+)['"]/g,
  // import('…'), await import('…')
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every .ts/.tsx file under `dir`, as paths relative to the repository. */
export function sourceFiles(dir = 'src') {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(join(ROOT, d))) {
      const path = join(d, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** Comments out of the way, so an example import in a comment is not an import. */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The files of ours that `file` imports, by any kind of import. */
export function importsOf(file) {
  const source = withoutComments(readFileSync(join(ROOT, file), 'utf8'));
  const found = new Set();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const spec = match[1];
      if (!spec.startsWith('.')) continue;
      const target = resolveSpecifier(file, spec);
      if (target) found.add(target);
    }
  }
  return [...found].sort();
}

function resolveSpecifier(from, spec) {
  const base = join(dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
}

/** The import graph of every source file under src. */
export function importGraph(files = sourceFiles()) {
  return new Map(files.map((f) => [f, importsOf(f)]));
}

/**
 * The strongly connected components with more than one file (or a file that
 * imports itself): each is one cycle, however many loops run through it.
 */
export function cycles(graph) {
  let index = 0;
  const indexes = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indexes.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indexes.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indexes.get(w)));
    }
    if (low.get(v) === indexes.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indexes.has(v)) visit(v);
  return found;
}

/** Cycles with at least one file under one of `dirs`. */
export function cyclesTouching(dirs, graph = importGraph()) {
  return cycles(graph).filter((c) => c.some((f) => dirs.some((d) => f.startsWith(`${d}/`))));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2).map((d) => relative(ROOT, resolve(d)));
  const graph = importGraph();
  const found = dirs.length ? cyclesTouching(dirs, graph) : cycles(graph);
  for (const c of found) console.log(`cycle of ${c.length} files:\n  ${c.join('\n  ')}`);
  console.log(`${found.length} cycle${found.length === 1 ? '' : 's'}${dirs.length ? ` touching ${dirs.join(', ')}` : ''} among ${graph.size} files`);
  process.exitCode = found.length ? 1 : 0;
}
