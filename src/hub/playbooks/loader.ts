// The playbooks a hub starts with: the built-in ones shipped in the package's
// playbooks/ directory, and the operator's own directory beside them, where a
// file with a built-in's id replaces that built-in. A malformed file never
// stops the others from loading: its errors are collected, one line each, for
// the hub to log, and the rest load.
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { PlaybookFileError } from '../../core/model.js';
import { packageRoot } from '../../core/package-root.js';
import { playbookFilesIn, readFileSet, type PlaybookFile } from './playbook-files.js';

export interface PlaybookLoad {
  entries: { definition: PlaybookFile['definition']; source: string }[];
  errors: PlaybookFileError[];
  /** Built-ins an operator's file replaced. */
  replaced: { id: string; file: string }[];
  counts: { builtIn: number; operator: number };
}

export interface LoadOptions {
  /** The built-ins' directory (default: the package's playbooks/). */
  builtinDir?: string;
  /** The operator's directory (`hub start --playbooks DIR`); it must exist. */
  operatorDir?: string | undefined;
}

export const BUILT_IN = 'built-in';

/** The package's playbooks/ directory, wherever the package is installed. */
export function builtinPlaybooksDir(): string {
  const root = packageRoot();
  if (!root) throw new Error('cannot find the watchfloor package, and with it the built-in playbooks');
  return join(root.dir, 'playbooks');
}

/** Built-ins are named by where they sit in the package (playbooks/egate.yaml), not by an install path. */
function shownBuiltin(path: string): string {
  const root = packageRoot();
  const rel = root ? relative(root.dir, path) : path;
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function loadPlaybooks(options: LoadOptions = {}): PlaybookLoad {
  const builtinDir = options.builtinDir ?? builtinPlaybooksDir();
  const builtins = readFileSet(playbookFilesIn(builtinDir).map((path) => ({ path, shown: shownBuiltin(path) })));
  const operator = options.operatorDir === undefined ? { loaded: [], errors: [] } : readFileSet(playbookFilesIn(resolve(options.operatorDir)).map((path) => ({ path })));
  const theirs = new Map(operator.loaded.map((f) => [f.definition.id, f]));
  const replaced = builtins.loaded.filter((b) => theirs.has(b.definition.id)).map((b) => ({ id: b.definition.id, file: theirs.get(b.definition.id)!.file }));
  return {
    entries: [
      ...builtins.loaded.filter((b) => !theirs.has(b.definition.id)).map((b) => ({ definition: b.definition, source: BUILT_IN })),
      ...operator.loaded.map((f) => ({ definition: f.definition, source: f.file })),
    ],
    errors: [...builtins.errors, ...operator.errors],
    replaced,
    counts: { builtIn: builtins.loaded.length - replaced.length, operator: operator.loaded.length },
  };
}
