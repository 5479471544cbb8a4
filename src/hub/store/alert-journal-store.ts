// The alert journal in the store: what the intake took in and has not yet
// applied, oldest first. Entries are opaque JSON to the store; the intake
// (hub/incidents/alert-journal.ts) reads and writes their meaning.

export interface NewJournalEntry {
  receivedAt: string;
  /** Alerts the entry carries. */
  alerts: number;
  /** JSON, as the intake wrote it. */
  entry: string;
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
  /** The oldest unapplied entries: at least one, then more while their alerts stay within `maxAlerts`. */
  readJournal(maxAlerts: number): Promise<JournalEntry[]>;
  /** Prunes entries up to and including `seq` (applied); returns how many went. */
  pruneJournal(throughSeq: number): Promise<number>;
}
