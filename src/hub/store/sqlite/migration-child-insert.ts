// Migration 30, in a file of its own like 14 to 29: the child count of
// migration 27 kept on insert by the store's one insert of an incident
// (incident-statements.ts) instead of a trigger. Any trigger on a table makes
// every INSERT into it a statement that may write many rows, which SQLite
// guards with a statement journal: each page the insert touches (the row and
// its nine indexes) copied aside first. That copy was most of an insert
// (~60 of ~75 µs of CPU, measured over a store of 6,000 incidents), and the
// alert intake inserts an incident per new alert. Moves and deletes keep their
// triggers: an update leaves its parent as it was (incident-statements.ts)
// without naming parent_id, so the move trigger costs nothing then. Never
// edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const CHILD_INSERT_MIGRATION: { version: number; name: string; sql: string } = {
  version: 30,
  name: 'incidents: the child count kept on insert by the store, not a trigger',
  // After migration 27. The counts stay as the trigger left them.
  sql: `
    DROP TRIGGER incidents_child_added;
  `,
};
