// Files that hold state or secrets (the hub's data: audit log, incidents,
// token hashes; the chat bot's outbox) are their owner's alone. SQLite would
// create a database 0644 under the usual umask, and gives the -wal and -shm it
// creates later the mode of the database file; so the database file is
// created 0600 before SQLite opens it, and all three stay private. The umask
// is left alone: it is the whole process's, and other work runs meanwhile.
import { closeSync, existsSync, fchmodSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PRIVATE = 0o600;

/** SQLite's in-memory and temporary databases, and URI filenames: nothing on disk for us to create. */
const notAPath = (file: string) => file === '' || file === ':memory:' || file.startsWith('file:');

/** Creates `file`, empty and 0600, unless it exists (an existing file keeps the mode its owner gave it). */
export function createPrivateFile(file: string): void {
  if (notAPath(file) || existsSync(file)) return;
  let fd: number;
  try {
    fd = openSync(file, 'wx', PRIVATE);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return; // created meanwhile by another process
    throw e;
  }
  try {
    // openSync's mode passes through the umask; this is exact.
    fchmodSync(fd, PRIVATE);
  } finally {
    closeSync(fd);
  }
}

const who = (mode: number, group: number, others: number) => [mode & group ? 'group' : '', mode & others ? 'others' : ''].filter(Boolean).join(' and ');

/**
 * One line for the log when others could read or change `file` (`what` names
 * it: "the hub's data file"): the file open to group or others, or its
 * directory writable by them (they could replace it, or plant its -wal).
 * Undefined when all is private, or when the modes cannot be read (a
 * warning is not worth failing a start for).
 */
export function exposureWarning(file: string, what: string): string | undefined {
  if (notAPath(file)) return undefined;
  const dir = dirname(resolve(file));
  const problems: string[] = [];
  const fixes: string[] = [];
  let fileMode: number;
  let dirMode: number;
  try {
    fileMode = statSync(file).mode;
    dirMode = statSync(dir).mode;
  } catch {
    return undefined;
  }
  if (fileMode & 0o077) {
    problems.push(`${what} ${file} is open to ${who(fileMode, 0o070, 0o007)}`);
    fixes.push(`chmod 600 ${file}`);
  }
  if (dirMode & 0o022) {
    problems.push(`its directory ${dir} is writable by ${who(dirMode, 0o020, 0o002)}`);
    fixes.push(`chmod go-w ${dir}`);
  }
  return problems.length ? `warning: ${problems.join('; ')} — fix: ${fixes.join('; ')}` : undefined;
}
