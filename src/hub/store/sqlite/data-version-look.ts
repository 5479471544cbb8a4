// The token revision (sqlite-store.ts: tokenRevision) looks at PRAGMA
// data_version to learn of another connection's commits, and each look costs
// some 14 µs: SQLite takes and drops a read lock on the WAL index, two fcntl
// calls. The alert intake confirms a group commit's tokens together
// (api/fast-alert-intake.ts), so one look serves every request of the group.
// A look is used again only within the synchronous stretch it was made in —
// the callback of one event and the microtasks after it. A request is read
// from its socket in a callback of its own, so every request checked within a
// stretch was read before the look was made: a revocation another process
// committed before such a request was sent is one the look sees. A commit by
// another connection of this thread (a second store, in tests) within the
// stretch is counted and looked again for.
let commitsInThisThread = 0;

/** A connection of this thread committed: data_version may have moved for the others. */
export function countCommitInThisThread(): void {
  commitsInThisThread++;
}

/** `look` (data_version), made at most once in a synchronous stretch while no connection of this thread commits. */
export function lookOncePerStretch(look: () => number): () => number {
  let seen: number | undefined;
  let seenAtCommits = -1;
  const forget = () => (seen = undefined);
  return () => {
    if (seen === undefined || seenAtCommits !== commitsInThisThread) {
      if (seen === undefined) queueMicrotask(forget);
      seen = look();
      seenAtCommits = commitsInThisThread;
    }
    return seen;
  };
}
