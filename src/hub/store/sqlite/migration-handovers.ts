// Migration 24, in a file of its own so the steps other branches add beside it
// do not meet in one place: shift handovers. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const HANDOVERS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 24,
  name: 'shift handovers: immutable records, accepted once',
  // Independent of every other step. A handover's content and hash are fixed
  // at issue; acceptance fills the accepted_* columns once. The triggers hold
  // that in the database itself, whatever code runs against it: no column of
  // an issued record changes but the acceptance, an accepted record changes
  // not at all, and no record is deleted.
  sql: `
    CREATE TABLE handovers (
      seq               INTEGER PRIMARY KEY,
      id                TEXT NOT NULL UNIQUE,
      issued_at         TEXT NOT NULL,
      issued_by         TEXT NOT NULL,   -- JSON ActorRef: its id may not accept it
      issued_channel    TEXT NOT NULL,
      shift_from        TEXT NOT NULL,
      shift_until       TEXT NOT NULL,
      content           TEXT NOT NULL,   -- JSON HandoverContent
      hash              TEXT NOT NULL,   -- sha-256 of the content's canonical JSON
      open_items        INTEGER NOT NULL,
      carried_over      INTEGER NOT NULL,
      accepted_at       TEXT,
      accepted_by       TEXT,            -- JSON ActorRef
      accepted_channel  TEXT
    );

    CREATE TRIGGER handovers_issued_fixed
      BEFORE UPDATE OF id, issued_at, issued_by, issued_channel, shift_from, shift_until, content, hash, open_items, carried_over ON handovers
      BEGIN SELECT RAISE(ABORT, 'a handover is immutable once issued'); END;
    CREATE TRIGGER handovers_accepted_fixed
      BEFORE UPDATE ON handovers WHEN OLD.accepted_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a handover is immutable once accepted'); END;
    CREATE TRIGGER handovers_kept
      BEFORE DELETE ON handovers
      BEGIN SELECT RAISE(ABORT, 'handovers are kept'); END;
  `,
};
