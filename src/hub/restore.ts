// `hub restore FILE --data DATA`, with the hub stopped: a backup replaces the
// data file only once it has proved itself — SQLite's integrity check and the
// audit log's hash chain walked by the hub's own verifier — and the old file
// is kept aside, never deleted. A data file some process has open (a hub still
// running) is refused (store/sqlite/in-use-lock.ts), and the lock is held
// until the swap so no hub starts on the file meanwhile. The alert journal's
// file beside the data file (store/sqlite/alert-journal-file.ts) goes with
// it: the old one is kept aside with the old data file, and the backup's
// unapplied alerts (carried in its alert_journal table, moved to a journal
// file of its own when the copy is opened to be checked) come in with the new.
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CheckFailedError, UsageError } from '../core/errors.js';
import { verifyAuditLog } from './audit/audit-log.js';
import { journalFileOf } from './store/sqlite/alert-journal-file.js';
import { holdExclusively } from './store/sqlite/in-use-lock.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

export interface RestoreOptions {
  backupFile: string;
  dataFile: string;
  /** Check the backup only; replace nothing. */
  checkOnly?: boolean;
  now?: () => Date;
}

export interface RestoreResult {
  backupFile: string;
  dataFile: string;
  /** Where the replaced data file now is; null when there was none, or with checkOnly. */
  keptAs: string | null;
  /** Rows of the audit log the backup holds, every one verified. */
  auditRows: number;
  restored: boolean;
}

/** SQLite's own check, then the audit chain through the hub's verifier; throws what failed. */
async function verifyCopy(copy: string, backupFile: string): Promise<number> {
  let problems: string[];
  try {
    const db = new Database(copy, { fileMustExist: true });
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } finally {
      db.close();
    }
  } catch (e) {
    throw new CheckFailedError(`${backupFile} is not a readable SQLite database: ${(e as Error).message}`, { hint: 'pick another backup', cause: e });
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new CheckFailedError(`${backupFile} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`, { hint: 'pick another backup; nothing was replaced' });
  }
  // The hub's own store opens it: a backup from an older hub is brought to this one's schema.
  const store = openSqliteStore(copy);
  try {
    const audit = await verifyAuditLog(store);
    if (!audit.ok) {
      throw new CheckFailedError(`${backupFile}: the audit log is broken at seq ${audit.firstBroken?.seq ?? '?'} (${audit.firstBroken?.reason ?? 'unknown'})`, {
        hint: 'the backup was altered after it was taken; pick another; nothing was replaced',
      });
    }
    return audit.checked;
  } finally {
    await store.close();
  }
}

const FILE_AND_WAL = ['', '-wal', '-shm'];

/** Renames `from` + each suffix that exists to `to` + the suffix. */
function moveBeside(from: string, to: string, suffixes: readonly string[]): void {
  for (const suffix of suffixes) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { backupFile, dataFile } = options;
  if (!existsSync(backupFile)) throw new UsageError(`no backup at ${backupFile}`, { hint: 'pass a file written by `watchfloor hub backup FILE`' });
  const hold = options.checkOnly ? undefined : holdExclusively(dataFile);
  const replacing = existsSync(dataFile);
  const copy = `${dataFile}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    copyFileSync(backupFile, copy);
    chmodSync(copy, 0o600);
    const auditRows = await verifyCopy(copy, backupFile);
    if (options.checkOnly) return { backupFile, dataFile, keptAs: null, auditRows, restored: false };
    let keptAs: string | null = null;
    if (replacing) {
      keptAs = `${dataFile}.before-restore-${(options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataFile, keptAs);
      moveBeside(dataFile, keptAs, ['-wal', '-shm']);
      moveBeside(journalFileOf(dataFile), journalFileOf(keptAs), FILE_AND_WAL);
    }
    moveBeside(journalFileOf(copy), journalFileOf(dataFile), FILE_AND_WAL);
    renameSync(copy, dataFile);
    return { backupFile, dataFile, keptAs, auditRows, restored: true };
  } finally {
    hold?.release();
    for (const file of [copy, ...FILE_AND_WAL.map((suffix) => journalFileOf(copy) + suffix)]) if (existsSync(file)) unlinkSync(file);
  }
}
