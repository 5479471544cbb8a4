// Whether a hub has a data file open, told by a lock any process can test: a
// small SQLite file beside the data file (DATA.lock) on which every running
// hub holds a shared lock (several hubs over one file stay possible) and a
// restore takes the exclusive one. SQLite's locks on the data file itself say
// nothing useful here: in WAL mode an idle hub holds none a restore could see.
// The operating system drops the locks with their process, so a hub killed
// with SIGKILL never leaves the file "in use".
import Database from 'better-sqlite3';
import { ConflictError } from '../../../core/errors.js';
import { createPrivateFile } from '../../../core/private-file.js';

export const lockFileOf = (dataFile: string) => `${dataFile}.lock`;

const isBusy = (e: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown } | null)?.code ?? ''));

function openLock(dataFile: string): Database.Database {
  const file = lockFileOf(dataFile);
  createPrivateFile(file);
  const db = new Database(file, { timeout: 0 });
  return db;
}

export interface InUseLock {
  release(): void;
}

/** A running hub's hold: shared, so other hubs may hold it too; refused while a restore holds it. */
export function holdInUse(dataFile: string): InUseLock {
  const db = openLock(dataFile);
  try {
    db.exec('CREATE TABLE IF NOT EXISTS hub_lock (x)');
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM hub_lock').get();
  } catch (e) {
    db.close();
    if (isBusy(e)) throw new ConflictError(`the data file ${dataFile} is being restored`, { hint: 'wait for `watchfloor hub restore` to finish, then start the hub' });
    throw e;
  }
  return { release: () => db.open && db.close() };
}

/** A restore's hold: exclusive, so no hub runs on the file while it is replaced. */
export function holdExclusively(dataFile: string): InUseLock {
  const db = openLock(dataFile);
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if (isBusy(e)) {
      throw new ConflictError(`the data file ${dataFile} is in use (a hub running on it?)`, {
        hint: 'stop the hub first (SIGTERM, or `systemctl stop watchfloor`), then restore',
        cause: e,
      });
    }
    throw e;
  }
  return { release: () => db.open && db.close() };
}
