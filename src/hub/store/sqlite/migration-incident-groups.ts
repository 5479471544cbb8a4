// Migration 20, in a file of its own like 14 to 19: incidents grouped by
// cause. A child points at its parent (the cause's incident); the child count
// is derived, never stored, so it cannot drift. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const INCIDENT_GROUPS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 20,
  name: 'incidents: parents and children by cause, time-window keys, flapping',
  // Independent of every other step. grouping: on a child, why it is under its
  // parent (cause, window); on a parent the hub opened itself, which rule did.
  // group_key: the alert's labels without its place (the time-window rule's key).
  // flap: the alert's recent transitions (JSON), read only when its status changes.
  sql: `
    ALTER TABLE incidents ADD COLUMN parent_id TEXT;
    ALTER TABLE incidents ADD COLUMN grouping TEXT;
    ALTER TABLE incidents ADD COLUMN group_key TEXT;
    ALTER TABLE incidents ADD COLUMN flapping INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE incidents ADD COLUMN flap TEXT;
    CREATE INDEX incidents_parent ON incidents(parent_id) WHERE parent_id IS NOT NULL;
    CREATE INDEX incidents_group_key ON incidents(group_key, created_at) WHERE group_key IS NOT NULL AND state <> 'resolved';
    CREATE INDEX incidents_fingerprint_seq ON incidents(fingerprint, seq) WHERE fingerprint IS NOT NULL;
  `,
};
