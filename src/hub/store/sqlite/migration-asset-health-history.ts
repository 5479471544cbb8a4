// Migration 22, in a file of its own: every change of an asset's health with
// its time, so continuity can be measured over a period rather than read off
// the current health. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const ASSET_HEALTH_HISTORY_MIGRATION: { version: number; name: string; sql: string } = {
  version: 22,
  name: 'asset health history: each change of health with its time, drills told apart',
  // Independent of every other step. A row is written in the transaction
  // that changes the asset's health (setAssetHealth), so no path can change
  // health without leaving one. `counted_health` is the health the asset's
  // real incidents alone give (drill incidents left out): what the KPIs
  // count; it may change while `health` does not, and then a row is written
  // too. `previous_*` are the values before the change, so an asset's state
  // before its first row is known. Site and kind are copied so history
  // outlives an inventory that moves or removes the asset.
  sql: `
    CREATE TABLE asset_health_history (
      seq                      INTEGER PRIMARY KEY,
      asset_id                 TEXT NOT NULL COLLATE NOCASE,
      site_id                  TEXT,
      kind                     TEXT NOT NULL,
      at                       TEXT NOT NULL,
      health                   TEXT NOT NULL,
      counted_health           TEXT NOT NULL,
      previous_health          TEXT NOT NULL,
      previous_counted_health  TEXT NOT NULL
    );
    CREATE INDEX asset_health_history_asset ON asset_health_history(asset_id, at);
    CREATE INDEX asset_health_history_at ON asset_health_history(at);
  `,
};
