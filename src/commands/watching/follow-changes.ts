// What `--watch` on a list view runs on: the view fetched once, then again
// whenever the hub's event stream says something it shows may have changed
// (a few events gathered into one refetch). When the stream drops, a one-line
// note and a retry with backoff; each retry refetches the view first, so a hub
// that answers but whose stream is cut still refreshes at a bounded interval.
import type { CoreClient } from '../../core/client.js';
import { abortableSleep } from '../../core/abortable-sleep.js';
import { HubError, HubUnreachableError, UnavailableError, isWatchfloorError } from '../../core/errors.js';

/** The wait between retries: 1 s doubling, at most 10 s (which bounds how stale a view without its stream gets). */
export const WATCH_RETRY_MS = { first: 1_000, max: 10_000 } as const;

export function retryDelayMs(failures: number): number {
  return Math.min(WATCH_RETRY_MS.max, WATCH_RETRY_MS.first * 2 ** Math.max(0, failures - 1));
}

export interface FollowOptions<Result> {
  client: Pick<CoreClient, 'events'>;
  fetch(): Promise<Result>;
  /** An event of this type may change the view. */
  affectedBy(type: string): boolean;
  signal: AbortSignal;
  onResult(result: Result): void;
  /** A note for a person on stderr: the hub went away, it is back. */
  note(text: string): void;
  /** How long to gather events before one refetch. */
  gatherMs?: number;
}

/** A hub that is down, restarting or cut off is waited for; anything else (a revoked token, a region gone) ends the watch. */
function worthRetrying(e: unknown): boolean {
  return !isWatchfloorError(e) || e instanceof HubUnreachableError || e instanceof UnavailableError || e instanceof HubError;
}

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs until `signal` aborts; rejects only with an error not worth retrying. */
export async function followChanges<Result>(options: FollowOptions<Result>): Promise<void> {
  const { client, signal } = options;
  let since: number | undefined;
  let failures = 0;
  // One fetch at a time, in order, so an older answer never lands after a newer one.
  let chain: Promise<void> = Promise.resolve();
  const refetch = (): Promise<void> =>
    (chain = chain.then(async () => {
      if (signal.aborted) return;
      const result = await options.fetch();
      if (!signal.aborted) options.onResult(result);
    }));

  while (!signal.aborted) {
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    signal.addEventListener('abort', stop, { once: true });
    let timer: NodeJS.Timeout | undefined;
    let fetchError: unknown;
    // A failed refetch ends this attempt, to be reported and retried as a drop is.
    const refresh = () =>
      refetch().catch((e: unknown) => {
        fetchError ??= e;
        attempt.abort();
      });
    try {
      await client.events({
        since,
        signal: attempt.signal,
        onOpen: () => {
          // Whatever changed before the stream opened (or while it was down) is in this fetch.
          void refresh().then(() => {
            if (fetchError === undefined && failures > 0) options.note('the hub is back; following its changes again');
            if (fetchError === undefined) failures = 0;
          });
        },
        onEvent: (event) => {
          since = event.id;
          if (!options.affectedBy(event.type)) return;
          timer ??= setTimeout(() => {
            timer = undefined;
            void refresh();
          }, options.gatherMs ?? 250);
        },
      });
      if (signal.aborted) break;
      throw fetchError ?? new Error('the hub ended its event stream');
    } catch (e) {
      if (signal.aborted) break;
      const error = fetchError ?? e;
      if (!worthRetrying(error)) throw error;
      failures++;
      const wait = retryDelayMs(failures);
      options.note(`lost the hub (${reason(error)}); retrying in ${Math.round(wait / 1000)} s`);
      await abortableSleep(wait, signal);
      // The bounded refresh: a hub that answers while its stream stays cut is still read every retry.
      await refetch().catch(() => undefined);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }
  await chain.catch(() => undefined);
}
