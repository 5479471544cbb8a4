// Migration 18, in a file of its own so the steps other branches add beside it
// do not meet in one place: the dependencies between assets an inventory file
// declares. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const INVENTORY_MIGRATION: { version: number; name: string; sql: string } = {
  version: 18,
  name: 'inventory: dependencies between assets',
  // Independent of every other step (15 to 17 and 19 are other branches').
  // A row goes with either of its assets; the alert-label mapping is one
  // value and lives in meta (key alert_labels), absent until an inventory sets it.
  sql: `
    CREATE TABLE asset_dependencies (
      asset_id    TEXT NOT NULL COLLATE NOCASE REFERENCES assets(id) ON DELETE CASCADE,
      depends_on  TEXT NOT NULL COLLATE NOCASE REFERENCES assets(id) ON DELETE CASCADE,
      PRIMARY KEY (asset_id, depends_on)
    );
    CREATE INDEX asset_dependencies_on ON asset_dependencies(depends_on);
  `,
};
