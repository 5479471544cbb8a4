// BEGIN IMMEDIATE without blocking the event loop, for every connection the
// hub writes through (the store's, and the alert journal's file beside it).
// better-sqlite3 is synchronous: a busy wait inside SQLite would stall this
// process, and with it the very transaction another connection in it is
// waiting to commit. So SQLite's busy timeout is 0 and the wait is here.
import type Database from 'better-sqlite3';
import { nextCommit, waitToWrite, type WriteTurns } from './write-turns.js';

export const isBusy = (e: unknown) => String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_BUSY');

/**
 * BEGIN IMMEDIATE, retried with a bounded backoff while another connection
 * writes — counted as waiting meanwhile, and woken when another connection
 * of this process commits (write-turns.ts).
 */
export async function beginImmediate(db: Database.Database, timeoutMs: number, turns: WriteTurns): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let done: (() => void) | undefined;
  try {
    for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 50)) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() >= deadline) throw e;
      }
      done ??= waitToWrite(turns);
      await nextCommit(turns, waitMs);
    }
  } finally {
    done?.();
  }
}
