// Which of SQLite's failures mean "the storage cannot take this now" (503,
// retry) and which stay what they were — simulated at the store's seam for
// the codes a test machine cannot produce for real (the full disk, a read-only
// file and a held lock are produced for real in unwritable-store.test.ts).
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../src/core/errors.js';
import { asStorageFailure } from '../../src/hub/store/sqlite/storage-failure.js';

const sqliteError = (code: string) => Object.assign(new Error(`sqlite said ${code}`), { code });

describe('asStorageFailure', () => {
  it.each([
    ['SQLITE_FULL', 'disk full'],
    ['SQLITE_IOERR', 'I/O error'],
    ['SQLITE_IOERR_WRITE', 'I/O error'],
    ['SQLITE_IOERR_FSYNC', 'I/O error'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CANTOPEN', 'cannot open'],
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_LOCKED', 'busy'],
  ])('%s is unavailable (%s), with the cause kept', (code, storage) => {
    const cause = sqliteError(code);
    const e = asStorageFailure(cause);
    expect(e).toBeInstanceOf(UnavailableError);
    expect(e).toMatchObject({ code: 'unavailable', exitCode: 3, details: { storage }, cause });
    expect((e as UnavailableError).message).toContain(`(${code})`);
    expect((e as UnavailableError).hint).toContain('nothing was stored');
  });

  it('a constraint, a misuse or anything else stays as it was', () => {
    for (const e of [sqliteError('SQLITE_CONSTRAINT_UNIQUE'), sqliteError('SQLITE_ERROR'), new TypeError('x'), 'text', null]) {
      expect(asStorageFailure(e)).toBe(e);
    }
  });
});
