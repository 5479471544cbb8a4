// What grouping incidents by cause reads and writes beyond an incident's own
// row: the open incidents on a set of assets or under a time-window key, the
// newest incident of a fingerprint and its alert's recent transitions.
import type { Incident, Severity } from '../../core/model.js';

export interface IncidentGroupReader {
  /** Open incidents on any of these assets (ids as the inventory spells them), opened at or after `since`; oldest first. */
  openIncidentsOnAssets(assetIds: readonly string[], since: string): Promise<Incident[]>;
  /** The oldest open incident on this asset (id as the inventory spells it): one row, however many are open; its id and parent only (grouping needs no more). */
  firstOpenOnAsset(assetId: string): Promise<Pick<Incident, 'id' | 'parentId'> | undefined>;
  /** The oldest open top-level incident the hub opened on this asset as a suspected cause (no alert of its own yet). */
  suspectedCauseOn(assetId: string): Promise<Incident | undefined>;
  /** How many open incidents on these assets were opened at or after `since`: a count, so a storm reads no rows for it. */
  countOpenOnAssets(assetIds: readonly string[], since: string): Promise<number>;
  /** The open parent the hub opened for this time-window key, if any. */
  openWindowParent(groupKey: string): Promise<Incident | undefined>;
  /** The sites of the open top-level incidents with this time-window key opened at or after `since` (at most one row a site). */
  windowSites(groupKey: string, since: string): Promise<string[]>;
  /** Those incidents themselves, oldest first: read once, when they become a group. */
  openRootsByGroupKey(groupKey: string, since: string): Promise<Incident[]>;
  /** The newest incident with this fingerprint, open or resolved, and its alert's transitions (JSON, or null). */
  latestByFingerprint(fingerprint: string): Promise<{ incident: Incident; flap: string | null } | undefined>;
  /** An incident's alert transitions as stored (JSON), or null. */
  flapOf(incidentId: string): Promise<string | null>;
  /** The open children of an incident. */
  openChildrenOf(parentId: string): Promise<Incident[]>;
  /** How many of an incident's children are open, and the worst severity among them: one aggregate, not the rows. */
  openChildSummary(parentId: string): Promise<{ open: number; worst: Severity | null }>;
}

export interface IncidentGroupWriter {
  setFlap(incidentId: string, flap: string | null): Promise<void>;
}
