// Migration 31, in a file of its own like 14 to 30: a revision per site of its
// flow hours, moved by the store's one write path of site_flow_hours
// (flow-history-statements.ts) in the same transaction as the rows. The hub
// keeps each site's hours in memory (flow-hour-cache.ts); another connection
// to the file (a second hub) may write them too, and this is how the cache
// learns which sites it must read again: a few dozen short rows compared when
// PRAGMA data_version says another connection committed, instead of the hours
// themselves. Kept by the store, not a trigger: a trigger on a table makes
// every write to it keep a statement journal (migration 30 says what that
// cost). Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const FLOW_REVISIONS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 31,
  name: 'flow history: a revision per site, moved with each write of its hours',
  // After migration 21. Sites with hours from before it have no row: revision 0.
  sql: `
    CREATE TABLE site_flow_revisions (
      site_id   TEXT PRIMARY KEY COLLATE NOCASE,
      revision  INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
