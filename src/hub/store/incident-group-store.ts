// What grouping incidents by cause reads and writes beyond an incident's own
// row: the open incidents on a set of assets or under a time-window key, the
// newest incident of a fingerprint and its alert's recent transitions.
import type { Incident } from '../../core/model.js';

export interface IncidentGroupReader {
  /** Open incidents on any of these assets (ids as the inventory spells them), opened at or after `since`; oldest first. */
  openIncidentsOnAssets(assetIds: readonly string[], since: string): Promise<Incident[]>;
  /** Open incidents opened at or after `since` whose alert has this time-window key (parents the hub opened included); oldest first. */
  openIncidentsByGroupKey(groupKey: string, since: string): Promise<Incident[]>;
  /** The newest incident with this fingerprint, open or resolved, and its alert's transitions (JSON, or null). */
  latestByFingerprint(fingerprint: string): Promise<{ incident: Incident; flap: string | null } | undefined>;
  /** An incident's alert transitions as stored (JSON), or null. */
  flapOf(incidentId: string): Promise<string | null>;
  /** The open children of an incident. */
  openChildrenOf(parentId: string): Promise<Incident[]>;
}

export interface IncidentGroupWriter {
  setFlap(incidentId: string, flap: string | null): Promise<void>;
}
