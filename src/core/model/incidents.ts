// Incidents and their timelines, and what an action on one answers.
import { z } from 'zod';
import { ActorRef } from './actors.js';
import type { PlaybookProposal } from './playbook-catalog.js';
import { AssignerAuthority, Channel, IncidentState, Severity, TimelineKind } from './vocabulary-schemas.js';

export const TimelineEntry = z.object({
  id: z.number().int(),
  incidentId: z.string(),
  at: z.string(), // ISO-8601 UTC
  kind: TimelineKind,
  actor: ActorRef,
  channel: Channel,
  text: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Incident = z.object({
  id: z.string(), // INC-000042
  title: z.string(),
  severity: Severity,
  state: IncidentState,
  siteId: z.string().nullable(),
  assetId: z.string().nullable(),
  /** predicted: the hub's early warning opened it (a forecast breach of the site's wait target, not an alert). */
  source: z.enum(['alertmanager', 'manual', 'predicted']),
  fingerprint: z.string().nullable(), // Alertmanager fingerprint, for dedup
  labels: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  acknowledgedBy: ActorRef.nullable(),
  acknowledgedAt: z.string().nullable(),
  assignee: z.string().nullable(), // free text, as the assigner typed it
  /** The token (or chat user) the assignee names, when the hub could tell; a handover reaches only this id. */
  assigneeId: z.string().nullable(),
  assignedBy: ActorRef.nullable(),
  /** What let the assigner resolve it; null: the assignment hands nothing over. */
  assignerAuthority: AssignerAuthority.nullable(),
  escalations: z.number().int().nonnegative(),
  resolvedBy: ActorRef.nullable(),
  resolvedAt: z.string().nullable(),
  summary: z.string().nullable(),
  version: z.number().int(), // bumped on every change; the compare-and-set key
  /** The drill run whose injected fault opened it (left out of KPIs and the queue's counts); null for a real one. Absent from hubs before drills. */
  drillRunId: z.string().nullable().optional(),
  /** The incident of the cause this one is grouped under (one incident per cause); null for a top-level one. Absent from hubs before grouping. */
  parentId: z.string().nullable().optional(),
  /** How many incidents are grouped under this one (open or not). Absent from hubs before grouping. */
  childCount: z.number().int().nonnegative().optional(),
  /** On a child, why it is under its parent: cause (a dependency of its asset) or window (the same alert at many sites); on a parent the hub opened, which rule opened it. */
  grouping: z.enum(['cause', 'window']).nullable().optional(),
  /** Its alert fires and resolves repeatedly: the incident stays open rather than a new one each time. */
  flapping: z.boolean().optional(),
});
export type Incident = z.infer<typeof Incident>;

export const SeverityCounts = z.object({
  sev1: z.number().int(),
  sev2: z.number().int(),
  sev3: z.number().int(),
  sev4: z.number().int(),
  total: z.number().int(),
  /** Open drill incidents, apart from the real figures above (absent from hubs before drills). */
  drill: z.number().int().optional(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

export const IncidentDetail = z.object({
  incident: Incident,
  timeline: z.array(TimelineEntry),
});
export type IncidentDetail = z.infer<typeof IncidentDetail> & {
  /** The playbooks the incident's facts match now (absent from hubs before playbooks). */
  playbooks?: PlaybookProposal[];
  /** The incidents grouped under this one, newest first (absent from hubs before grouping). */
  children?: Incident[];
};

/** What every incident action (ack, assign, note, escalate, resolve, create) answers. */
export interface MutationResult {
  incident: Incident;
  /** false when the call changed nothing (e.g. the same officer acking twice). */
  changed: boolean;
}
