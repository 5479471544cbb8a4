// Migration 33, in a file of its own like 14 to 31: the incidents' indexes
// that an officer's action (an ack, an assignment, a resolve) had to rewrite
// although no query reads them that way. Each index an UPDATE touches is a
// page of the WAL written at COMMIT (with its frame header, two writes): an
// ack wrote about ten pages, three of them the state in incidents_state,
// incidents_site (site_id, state) and incidents_asset (asset_id, state).
// No statement searches by state: it is only ever compared with <> (which no
// index serves) or through listIncidents's optional filters, an OR with a
// parameter, which SQLite cannot plan with an index either; the asset's
// queries search by asset_id alone (EXPLAIN QUERY PLAN: "incidents_asset
// (asset_id=?)"). So incidents_state goes, and the site's and the asset's
// indexes keep their first column only, which a change of state leaves alone
// (the store's update names only the columns that changed:
// incident-statements.ts). Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const INCIDENT_INDEXES_MIGRATION: { version: number; name: string; sql: string } = {
  version: 33,
  name: "incidents: no index holds the state, which every officer's action changes",
  // After migration 1, which made the three.
  sql: `
    DROP INDEX incidents_state;
    DROP INDEX incidents_site;
    CREATE INDEX incidents_site ON incidents(site_id);
    DROP INDEX incidents_asset;
    CREATE INDEX incidents_asset ON incidents(asset_id);
  `,
};
