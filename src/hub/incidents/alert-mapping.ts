// From one Alertmanager alert to what an incident needs: severity, place,
// title and the dedup key. Pure: the inventory is passed in as lookups.
import { createHash } from 'node:crypto';
import type { Severity } from '../../core/model.js';
import { SEVERITIES } from '../../core/vocabulary.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { WebhookAlert } from './alertmanager-webhook.js';

export interface MappedAlert {
  status: 'firing' | 'resolved';
  fingerprint: string;
  severity: Severity;
  title: string;
  /** What the timeline says when the incident opens. */
  description: string;
  siteId: string | null;
  assetId: string | null;
  labels: Record<string, string>;
}

/** Canonical ids of what the hub knows, or undefined. */
export interface Inventory {
  siteId(label: string): string | undefined;
  assetId(id: string): string | undefined;
}

// Alertmanager's customary words, and our own sev1…sev4 for rules written for watchfloor.
const SEVERITY_BY_LABEL: Record<string, Severity> = {
  ...Object.fromEntries(SEVERITIES.map((s) => [s, s])),
  critical: 'sev1',
  major: 'sev2',
  error: 'sev2',
  warning: 'sev3',
};

export function severityFromLabel(label: string | undefined): Severity {
  return SEVERITY_BY_LABEL[(label ?? '').trim().toLowerCase()] ?? 'sev4';
}

/** The ids an `asset` label may mean: the full id, or a local part at the `site` label's site. */
export function assetIdCandidates(labels: Record<string, string>): string[] {
  const asset = labels.asset?.trim();
  if (!asset) return [];
  if (asset.includes('/')) return [asset];
  const site = labels.site?.trim();
  return site ? [`${site}/${asset}`] : [];
}

export function resolvePlace(
  labels: Record<string, string>,
  inventory: Inventory,
): { siteId: string | null; assetId: string | null } {
  const assetId = assetIdCandidates(labels).map((c) => inventory.assetId(c)).find((id) => id !== undefined) ?? null;
  const siteLabel = labels.site?.trim();
  const siteFromLabel = siteLabel ? inventory.siteId(siteLabel) : undefined;
  // A full asset id names its site even when the alert has no site label.
  const siteFromAsset = assetId?.includes('/') ? inventory.siteId(assetId.slice(0, assetId.indexOf('/'))) : undefined;
  return { siteId: siteFromLabel ?? siteFromAsset ?? null, assetId };
}

export function alertTitle(alert: WebhookAlert): string {
  const summary = alert.annotations.summary?.trim();
  if (summary) return summary;
  const name = alert.labels.alertname?.trim() || 'Alert';
  const where = alert.labels.asset?.includes('/')
    ? alert.labels.asset
    : [alert.labels.site, alert.labels.asset].filter(Boolean).join('/');
  return where ? `${name} at ${where}` : name;
}

/** Alertmanager always sends one; other senders may not, so derive it from the labels. */
export function alertFingerprint(alert: WebhookAlert): string {
  if (alert.fingerprint) return alert.fingerprint;
  return createHash('sha256').update(canonicalJson(alert.labels)).digest('hex').slice(0, 16);
}

export function mapAlert(alert: WebhookAlert, inventory: Inventory): MappedAlert {
  const title = alertTitle(alert);
  return {
    status: alert.status,
    fingerprint: alertFingerprint(alert),
    severity: severityFromLabel(alert.labels.severity),
    title,
    description: alert.annotations.description?.trim() || title,
    ...resolvePlace(alert.labels, inventory),
    labels: alert.labels,
  };
}
