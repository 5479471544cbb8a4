// The architecture test (test/architecture.test.ts) reads src/ as a graph:
// files, and which files each one imports. TypeScript's own parser finds the
// imports, all of them — `import type`, `export … from`, import('…') — because
// a cycle or a forbidden reach through a type or a lazy import still ties two
// rooms together (madge counts them too). Kept apart from the rules so its own
// tests can run it on small fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

export type ImportKind = 'static' | 'type' | 'dynamic' | 're-export';

export interface ModuleReference {
  specifier: string;
  kind: ImportKind;
  line: number;
}

export interface ImportEdge extends ModuleReference {
  from: string;
  to: string;
}

export interface ImportGraph {
  /** Every source file, with the source files it imports (by repo-relative path). */
  edges: ReadonlyMap<string, readonly ImportEdge[]>;
  /** Relative imports of source modules that match no file: the graph would be missing them. */
  unresolved: readonly Omit<ImportEdge, 'to'>[];
}

const stringLiteral = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

function importDeclarationKind(node: ts.ImportDeclaration): ImportKind {
  const clause = node.importClause;
  if (!clause) return 'static';
  if (clause.isTypeOnly) return 'type';
  // `import { type A, type B } from` loads nothing at run time either.
  const named = clause.namedBindings;
  const onlyTypes = !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  return onlyTypes ? 'type' : 'static';
}

/** The module specifiers one file names, with how it uses each. */
export function moduleReferences(fileName: string, text: string): ModuleReference[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: ModuleReference[] = [];
  const add = (specifier: string | undefined, how: ImportKind, node: ts.Node) => {
    if (specifier !== undefined) found.push({ specifier, kind: how, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(stringLiteral(node.moduleSpecifier), importDeclarationKind(node), node);
    else if (ts.isExportDeclaration(node)) add(stringLiteral(node.moduleSpecifier), node.isTypeOnly ? 'type' : 're-export', node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(stringLiteral(node.moduleReference.expression), node.isTypeOnly ? 'type' : 'static', node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(stringLiteral(node.arguments[0]), 'dynamic', node);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(stringLiteral(node.argument.literal), 'type', node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isRelative = (specifier: string) => specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');

// What NodeNext resolution tries for a specifier written for the emitted
// JavaScript: `./x.js` is `./x.ts` (or `.tsx`) in the sources.
const SOURCE_FOR: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.ts': ['.ts'],
  '.tsx': ['.tsx'],
};
const WITHOUT_EXTENSION = ['.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx', '/index.d.ts'];

/**
 * The file a relative specifier in `fromFile` names (posix, repo-relative
 * paths), or undefined when it names no source file. `isFile` says which files exist.
 */
export function resolveSpecifier(fromFile: string, specifier: string, isFile: (path: string) => boolean): string | undefined {
  if (!isRelative(specifier)) return undefined;
  const target = posix.join(posix.dirname(fromFile), specifier);
  const extension = posix.extname(target);
  const stem = target.slice(0, target.length - extension.length);
  const candidates = SOURCE_FOR[extension]?.map((e) => stem + e) ?? WITHOUT_EXTENSION.map((e) => target + e);
  return candidates.find(isFile);
}

/** Does this relative specifier name a module of code (not data, such as `./sites.json`)? */
const namesCode = (specifier: string) => {
  const extension = posix.extname(specifier);
  return extension === '' || extension in SOURCE_FOR;
};

/** The graph of `sources`: repo-relative posix paths to their text. */
export function buildImportGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const edges = new Map<string, ImportEdge[]>();
  const unresolved: Omit<ImportEdge, 'to'>[] = [];
  const isFile = (path: string) => sources.has(path);
  for (const [from, text] of sources) {
    const mine: ImportEdge[] = [];
    for (const reference of moduleReferences(from, text)) {
      if (!isRelative(reference.specifier)) continue;
      const to = resolveSpecifier(from, reference.specifier, isFile);
      if (to) mine.push({ from, to, ...reference });
      else if (namesCode(reference.specifier)) unresolved.push({ from, ...reference });
    }
    edges.set(from, mine);
  }
  return { edges, unresolved };
}

/** Every .ts and .tsx file under `dir` of `root`, as repo-relative posix paths to their text. */
export function readSources(root: string, dir: string): Map<string, string> {
  const sources = new Map<string, string>();
  const entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    sources.set(path, readFileSync(join(root, path), 'utf8'));
  }
  return new Map([...sources].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The import cycles, each as a chain of files that starts and ends with the
 * same file (a self-import is [a, a]). A depth-first walk in sorted order
 * reports one chain per edge that closes a loop, so every file in a cycle is
 * in at least one chain, and a run always reports the same chains.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const targets = (file: string) => [...new Set((graph.edges.get(file) ?? []).map((e) => e.to))].sort();
  const walk = (file: string): void => {
    stack.push(file);
    onStack.add(file);
    for (const next of targets(file)) {
      if (onStack.has(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!done.has(next)) walk(next);
    }
    stack.pop();
    onStack.delete(file);
    done.add(file);
  };
  for (const file of [...graph.edges.keys()].sort()) if (!done.has(file)) walk(file);
  return cycles;
}

/** A file's length in lines, as `wc -l` counts a file that ends with a newline. */
export function lineCount(text: string): number {
  if (!text) return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Paths ending in `/` are folders (everything under them); others are single files. */
const within = (path: string, places: readonly string[]) => places.some((place) => (place.endsWith('/') ? path.startsWith(place) : path === place));

/** A rule of who may import what: files in `from` (but not in `except`) may not import files in `mayNotImport`. */
export interface ImportRule {
  from: readonly string[];
  except?: readonly string[];
  mayNotImport: readonly string[];
}

/** The imports that break `rule`. */
export function breaches(graph: ImportGraph, rule: ImportRule): ImportEdge[] {
  return [...graph.edges.values()]
    .flat()
    .filter((e) => within(e.from, rule.from) && !within(e.from, rule.except ?? []) && within(e.to, rule.mayNotImport));
}

/** Files under any of `places` (folders end in `/`). */
export const filesWithin = (graph: ImportGraph, places: readonly string[]) => [...graph.edges.keys()].filter((f) => within(f, places));
