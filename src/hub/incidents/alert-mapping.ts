// From one Alertmanager alert to what an incident needs: severity, place,
// title and the dedup key. Pure: the inventory is passed in as lookups, and
// the label mapping (which labels name the site and the asset) as data.
import type { AlertLabelMapping, Severity } from '../../core/model.js';
import { SEVERITIES } from '../../core/vocabulary.js';
import { labelsFingerprint } from './alert-fingerprint.js';
import { candidates, compiledMapping, DEFAULT_ALERT_LABELS } from './alert-label-rules.js';
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

/** The site the mapping's rules name: the first candidate the hub knows. */
export function siteOfLabels(labels: Record<string, string>, inventory: Inventory, mapping: AlertLabelMapping): string | undefined {
  for (const c of candidates(compiledMapping(mapping).site, labels)) {
    const id = inventory.siteId(c);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The ids the asset rules may mean, in order, given the site the labels name (if any). */
export function assetIdCandidates(labels: Record<string, string>, mapping: AlertLabelMapping, siteId: string | undefined): string[] {
  return candidates(compiledMapping(mapping).asset, labels, siteId);
}

export function resolvePlace(
  labels: Record<string, string>,
  inventory: Inventory,
  mapping: AlertLabelMapping = DEFAULT_ALERT_LABELS,
): { siteId: string | null; assetId: string | null } {
  const siteFromLabel = siteOfLabels(labels, inventory, mapping);
  const assetId = assetIdCandidates(labels, mapping, siteFromLabel).map((c) => inventory.assetId(c)).find((id) => id !== undefined) ?? null;
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

/** Alertmanager always sends one; other senders may not, so derive the one Alertmanager would. */
export function alertFingerprint(alert: WebhookAlert): string {
  return alert.fingerprint || labelsFingerprint(alert.labels);
}

export function mapAlert(alert: WebhookAlert, inventory: Inventory, mapping: AlertLabelMapping = DEFAULT_ALERT_LABELS): MappedAlert {
  const title = alertTitle(alert);
  return {
    status: alert.status,
    fingerprint: alertFingerprint(alert),
    severity: severityFromLabel(alert.labels.severity),
    title,
    description: alert.annotations.description?.trim() || title,
    ...resolvePlace(alert.labels, inventory, mapping),
    labels: alert.labels,
  };
}
