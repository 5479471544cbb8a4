// Incidents and their timelines in the store.
import type { Incident, IncidentState, Severity, TimelineEntry } from '../../core/model.js';

export interface IncidentQuery {
  state?: IncidentState | 'open' | undefined;
  siteId?: string | undefined;
  assetId?: string | undefined;
  severity?: Severity | undefined;
  limit?: number | undefined;
  /** false: top-level incidents only (children are folded under their parents). Default: all. */
  children?: boolean | undefined;
  /** Only the children of this incident. */
  parentId?: string | undefined;
}

/** An incident as first stored; the store assigns id and version. */
export type NewIncident = Omit<Incident, 'id' | 'version' | 'childCount'> & {
  /** The alert's labels without its place: the time-window grouping's key (incident-group-store.ts). */
  groupKey?: string | null;
  /** Its alert's recent transitions (flapping), as the intake keeps them. */
  flap?: string | null;
};

export type NewTimelineEntry = Omit<TimelineEntry, 'id'>;

export interface WorstOpenSeverities {
  all: Severity | null;
  real: Severity | null;
}

export interface IncidentReader {
  /** Newest first. */
  listIncidents(query?: IncidentQuery): Promise<Incident[]>;
  /** Matched case-insensitively. */
  getIncident(id: string): Promise<Incident | undefined>;
  findOpenIncidentByFingerprint(fingerprint: string): Promise<Incident | undefined>;
  /**
   * The worst severity of an asset's open incidents, and of its real ones (drills left out: the health the KPIs
   * count); null where none is open. `assetId` as the inventory spells it (an index lookup, not a scan). One
   * statement and no list: every incident write on an asset keeps its health with it.
   */
  worstOpenSeveritiesOfAsset(assetId: string): Promise<WorstOpenSeverities>;
  /** Open incidents by severity, drills left out: counted in the store (a /metrics scrape reads no incident rows). */
  countOpenBySeverity(): Promise<Partial<Record<Severity, number>>>;
  listTimeline(incidentId: string): Promise<TimelineEntry[]>;
}

export interface IncidentWriter {
  /** Allocates the next INC-nnnnnn id; version starts at 1. */
  insertIncident(incident: NewIncident): Promise<Incident>;
  /**
   * Compare-and-set on `version`: false if the stored version is no longer `expectedVersion`. `before`, the
   * incident as read at that version, lets the store write only what changed (its indexes on the rest untouched).
   */
  updateIncident(incident: Incident, expectedVersion: number, before?: Incident): Promise<boolean>;
  appendTimeline(entry: NewTimelineEntry): Promise<TimelineEntry>;
}
