// The alert journal in the store: what the intake took in and has not yet
// applied, oldest first. Entries are opaque JSON to the store; the intake
// (hub/incidents/alert-journal.ts) reads and writes their meaning.

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

export interface AlertJournalReader {
  /** Unapplied entries and the alerts they carry. */
  journalDepth(): Promise<{ entries: number; alerts: number }>;
}

export interface AlertJournalWriter {
  /** Appends the entries in order; returns their sequence numbers. */
  appendJournal(entries: readonly NewJournalEntry[]): Promise<number[]>;
  /** The oldest unapplied entries (`owner`'s to apply, or all): at least one, then more while their alerts stay within `maxAlerts`. */
  readJournal(maxAlerts: number, owner?: JournalOwner): Promise<JournalEntry[]>;
  /** Prunes entries up to and including `seq` (applied; `owner`'s, or all); returns how many went. */
  pruneJournal(throughSeq: number, owner?: JournalOwner): Promise<number>;
}
