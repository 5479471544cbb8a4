#!/usr/bin/env node
// Checks the import rules of the hub's rooms that tsc cannot see: src/hub
// imports nothing from the front ends or the demo world (src/sim,
// src/commands, src/ui, src/bot), and there are no import cycles inside
// src/hub and src/devices. Every kind of import counts: `import`,
// `import type`, `export … from` and dynamic `import()`.
//   node scripts/check-imports.mjs        (exit 1 and the findings on stderr if a rule is broken)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKED = ['src/hub', 'src/devices'];
const FORBIDDEN_FROM_HUB = ['src/sim', 'src/commands', 'src/ui', 'src/bot'];

const IMPORTS = [
  /(?:^|[^\w.$])import\s+(?:type\s+)?(?:[\w$*{},\s]+?\s+from\s+)?['"]([^'"]+)['"]/g,
  /(?:^|[^\w.$])export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s+['"]([^'"]+)['"]/g,
  /(?:^|[^\w.$])import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The code without comments (strings that look like comments are rare in import lines). */
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Where a relative specifier leads: ./x.js is ./x.ts (or .tsx) in the sources. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

export function importGraph(root = ROOT) {
  const graph = new Map();
  for (const dir of CHECKED) {
    for (const file of sourceFiles(join(root, dir))) {
      const code = withoutComments(readFileSync(file, 'utf8'));
      const targets = new Set();
      for (const re of IMPORTS) for (const m of code.matchAll(re)) {
        const target = resolveSpecifier(file, m[1]);
        if (target) targets.add(target);
      }
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
function cycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) !== indices.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v).has(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

export function checkImports(root = ROOT) {
  const graph = importGraph(root);
  const rel = (p) => relative(root, p);
  const forbidden = [];
  for (const [file, targets] of graph) {
    if (!rel(file).startsWith('src/hub/')) continue;
    for (const t of targets) if (FORBIDDEN_FROM_HUB.some((room) => rel(t).startsWith(`${room}/`))) forbidden.push(`${rel(file)} imports ${rel(t)}`);
  }
  return { files: graph.size, forbidden, cycles: cycles(graph).map((c) => c.map(rel)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, forbidden, cycles: found } = checkImports();
  for (const f of forbidden) process.stderr.write(`forbidden: ${f}\n`);
  for (const c of found) process.stderr.write(`cycle: ${c.join(' ↔ ')}\n`);
  process.stdout.write(`${files} files in ${CHECKED.join(', ')}: ${forbidden.length} forbidden imports, ${found.length} import cycles\n`);
  process.exitCode = forbidden.length || found.length ? 1 : 0;
}
