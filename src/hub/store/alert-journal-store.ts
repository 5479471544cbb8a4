// The alert journal: what the intake took in and has not yet applied, oldest
// first, kept apart from the store's transactions (a SQLite store keeps it in
// a file of its own: sqlite/alert-journal-file.ts) so that taking alerts in
// never waits for the applier's. Entries are opaque JSON to the store; the
// intake (hub/incidents/alert-journal.ts) reads and writes their meaning. The
// store's transactions record which entries they applied, so an entry is
// applied once though it is pruned from the journal only after that commit.

export interface NewJournalEntry {
  receivedAt: string;
  /** Alerts the entry carries. */
  alerts: number;
  /** JSON, as the intake wrote it. */
  entry: string;
  /** The hub process that took it in (empty: any). */
  hub?: string;
}

/** Whose entries a hub applies: its own, and any another hub left unapplied since before `orphanedBefore`. */
export interface JournalOwner {
  hub: string;
  orphanedBefore: string;
}

export interface JournalEntry extends NewJournalEntry {
  seq: number;
}

/** The journal itself, on the store (each call its own write, outside any transaction). */
export interface AlertJournal {
  /**
   * Appends the entries in order, durably; returns their sequence numbers.
   * `committed` hears them the moment they are committed, before anything
   * else of this thread runs (an applier may take them right after).
   */
  appendJournal(entries: readonly NewJournalEntry[], committed?: (seqs: number[]) => void): Promise<number[]>;
  /** The oldest entries (`owner`'s to apply, or all): at least one, then more while their alerts stay within `maxAlerts`. Some may be applied already (journalApplied). */
  readJournal(maxAlerts: number, owner?: JournalOwner): Promise<JournalEntry[]>;
  /** Prunes these entries (applied, or dropped); returns how many went. */
  pruneJournal(seqs: readonly number[]): Promise<number>;
  /** Entries held and the alerts they carry (applied ones not yet pruned included). */
  journalDepth(): Promise<{ entries: number; alerts: number }>;
}

/** In a store transaction: which journal entries were applied, recorded with what applying them wrote. */
export interface AlertJournalWriter {
  /** The seqs recorded as applied (their entries may still be in the journal). */
  journalApplied(): Promise<number[]>;
  markJournalApplied(seqs: readonly number[]): Promise<void>;
  /** Forgets seqs whose entries are pruned from the journal. */
  forgetJournalApplied(seqs: readonly number[]): Promise<void>;
}
