// A hub started on storage that refuses writes (a read-only data file, a full
// disk) looked healthy and then failed every request, reads too, since
// authentication records each token's use. So a start writes once, first, and
// on such storage stops with one line and exit 2: nothing a hub does is safe
// without writes, and the operator starting it is the one who can fix it. A
// disk that fills up later is answered request by request with 503 instead.
import { UnavailableError, UsageError } from '../../core/errors.js';
import type { Store } from './store.js';

/** Closes `store` and throws a UsageError naming the file when it cannot be written. */
export async function refuseUnwritableStore(store: Store, dataFile: string, at: Date): Promise<void> {
  try {
    await store.recordStart(at.toISOString());
  } catch (e) {
    await store.close();
    if (!(e instanceof UnavailableError)) throw e;
    throw new UsageError(`the hub's data file ${dataFile} cannot be written (${String(e.details.storage)})`, {
      hint: 'check the file and its directory: permissions, free space, a read-only mount — or pass another with --data',
      cause: e,
    });
  }
}
