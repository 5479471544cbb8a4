// SQLite's answers that mean "the storage cannot take this now" — the disk is
// full, the file is read-only or failing, another process held the write lock
// past the timeout — as the typed UnavailableError every caller understands
// (503 over HTTP, so Alertmanager retries), rather than a "bug" 500. The store
// turns them at its seam, so nothing above it knows SQLite's codes; a
// PostgreSQL store would map its own here.
import { UnavailableError } from '../../../core/errors.js';

/** A storage failure in a word (details.storage), and in the words of a message. */
export type StorageFailure = 'disk full' | 'read-only' | 'cannot open' | 'I/O error' | 'busy';

const FAILURES: readonly [RegExp, StorageFailure, string][] = [
  [/^SQLITE_FULL$/, 'disk full', 'its disk is full'],
  [/^SQLITE_READONLY/, 'read-only', 'its data file is read-only'],
  [/^SQLITE_CANTOPEN/, 'cannot open', 'its data file cannot be opened'],
  [/^SQLITE_IOERR/, 'I/O error', 'its disk failed to read or write'],
  [/^SQLITE_(BUSY|LOCKED|PROTOCOL)/, 'busy', 'its data file is busy (locked by another process)'],
];

const codeOf = (e: unknown): string => String((e as { code?: unknown } | null)?.code ?? '');

/** `e` as an UnavailableError when it is a storage failure; anything else as it was. */
export function asStorageFailure(e: unknown): unknown {
  const code = codeOf(e);
  const failure = FAILURES.find(([pattern]) => pattern.test(code));
  if (!failure) return e;
  return new UnavailableError(`the hub cannot store anything now: ${failure[2]} (${code})`, {
    hint: 'nothing was stored; try again later (the hub operator sees the cause in its log)',
    details: { storage: failure[1] },
    cause: e,
  });
}
