// Reading the built bundle (dist/) the way Node loads it: which files and
// packages a chunk loads before it runs (its static imports, followed through
// our own chunks), and which chunks it loads later by import().
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI_PATH } from '../helpers/cli.js';

export const DIST = join(dirname(CLI_PATH), '..', 'dist');

/** What a file loads before it runs: its static imports, followed through our own chunks. */
export function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
    const spec = match[1]!;
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(join(dirname(file), spec), seen);
  }
  return seen;
}

/** The code that runs before anything is loaded on demand: the file and every chunk it loads statically. */
export function codeLoadedWith(file: string): string {
  const chunks = [...staticImports(file)].filter((spec) => spec.startsWith('./')).map((spec) => join(dirname(file), spec));
  return [file, ...chunks].map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The chunk an entry of ours became: `open` → dist/open-XXXXXXXX.js. */
export function chunkNamed(name: string): string {
  const found = readdirSync(DIST).filter((f) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(f));
  if (found.length !== 1) throw new Error(`expected one ${name}-*.js chunk in dist/, found ${found.join(', ') || 'none'}`);
  return join(DIST, found[0]!);
}

/** The packages (not our chunks, not node:) among a set of imports. */
export const packagesOf = (imports: Iterable<string>): string[] => [...imports].filter((s) => !s.startsWith('./') && !s.startsWith('node:'));
