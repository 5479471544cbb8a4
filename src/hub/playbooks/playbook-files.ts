// Playbook files on disk: a directory's *.yaml and *.yml in name order, each
// read and parsed on its own, so one unreadable or malformed file costs only
// itself, and a set of files checked together, where a second file with an id
// already taken is an error of its own. `playbook validate FILE…` (through the
// entry's loader, with no hub) and the hub's loader both read files here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { PlaybookDefinition, PlaybookFileError, PlaybookValidation } from '../../core/model.js';
import { definitionHash } from './catalog.js';
import { MAX_PLAYBOOK_BYTES, parsePlaybook } from './parse-playbook.js';

export interface PlaybookFile {
  /** The path as the caller named it (what errors show). */
  file: string;
  definition: PlaybookDefinition;
  hash: string;
  idLine: number | null;
}

export interface FileSet {
  loaded: PlaybookFile[];
  errors: PlaybookFileError[];
}

const PLAYBOOK_FILE = /\.ya?ml$/i;

/** The playbook files of a directory, in name order; a directory that is not there is a usage error. */
export function playbookFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the playbooks directory ${dir}: ${code === 'ENOENT' ? 'it does not exist' : (code ?? String(e))}`, {
      hint: 'pass a directory of playbook files (*.yaml), or leave --playbooks out to run the built-in ones alone',
      cause: e,
    });
  }
  return names.filter((n) => PLAYBOOK_FILE.test(n)).sort().map((n) => join(dir, n));
}

function readText(path: string, shown: string): string | PlaybookFileError {
  const fail = (message: string): PlaybookFileError => ({ file: shown, line: null, field: null, message });
  try {
    // Looked at before reading: a huge file (or a FIFO) must not be read into memory to be refused.
    const stat = statSync(path);
    if (!stat.isFile()) return fail('not a file');
    if (stat.size > MAX_PLAYBOOK_BYTES) return fail(`larger than ${MAX_PLAYBOOK_BYTES / 1024} KiB: not a playbook`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(`cannot read it: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`);
  }
}

/** One file: its definition, or why not. `shown` is how errors name it (default: the path). */
export function readPlaybookFile(path: string, shown = path): { file?: PlaybookFile; errors: PlaybookFileError[] } {
  const text = readText(path, shown);
  if (typeof text !== 'string') return { errors: [text] };
  const parsed = parsePlaybook(text, shown);
  if (!parsed.definition) return { errors: parsed.errors };
  return { file: { file: shown, definition: parsed.definition, hash: definitionHash(parsed.definition), idLine: parsed.idLine }, errors: [] };
}

/** Files read as one set: the first file with an id keeps it, a later one is an error at its `id`. */
export function readFileSet(files: readonly { path: string; shown?: string }[]): FileSet {
  const set: FileSet = { loaded: [], errors: [] };
  const owner = new Map<string, string>();
  for (const { path, shown } of files) {
    const { file, errors } = readPlaybookFile(path, shown);
    set.errors.push(...errors);
    if (!file) continue;
    const taken = owner.get(file.definition.id);
    if (taken !== undefined) {
      set.errors.push({ file: file.file, line: file.idLine, field: 'id', message: `"${file.definition.id}" is already the id of ${taken}` });
      continue;
    }
    owner.set(file.definition.id, file.file);
    set.loaded.push(file);
  }
  return set;
}

/** `playbook validate FILE…`: files, and the playbook files of any directory named among them. */
export function checkPlaybookFiles(paths: readonly string[]): PlaybookValidation {
  const named = paths.flatMap((path) => (isDirectory(path) ? playbookFilesIn(path) : [path]));
  // A file named twice (itself and its directory) is read once.
  const files = named.filter((path, i) => named.findIndex((p) => resolve(p) === resolve(path)) === i);
  const set = readFileSet(files.map((path) => ({ path })));
  return {
    playbooks: set.loaded.map((f) => ({ file: f.file, id: f.definition.id, version: f.definition.version, hash: f.hash })),
    errors: set.errors,
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
