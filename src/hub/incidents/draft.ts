// A freshly triggered incident, before the store gives it an id.
import type { Incident, Severity } from '../../core/model.js';
import type { NewIncident } from '../store/store.js';

export interface DraftFields {
  title: string;
  severity: Severity;
  siteId: string | null;
  assetId: string | null;
  source: Incident['source'];
  fingerprint: string | null;
  labels: Record<string, string>;
  at: string;
}

export function draftIncident(f: DraftFields): NewIncident {
  return {
    title: f.title,
    severity: f.severity,
    state: 'triggered',
    siteId: f.siteId,
    assetId: f.assetId,
    source: f.source,
    fingerprint: f.fingerprint,
    labels: f.labels,
    createdAt: f.at,
    updatedAt: f.at,
    acknowledgedBy: null,
    acknowledgedAt: null,
    assignee: null,
    assigneeId: null,
    assignedBy: null,
    assignerAuthority: null,
    escalations: 0,
    resolvedBy: null,
    resolvedAt: null,
    summary: null,
  };
}
