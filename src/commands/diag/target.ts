// What `diag run` takes: a site (RUH), an asset (ruh/egate-07) or an incident
// (INC-000042, inc-42, 42), written the way the hub expects. The hub resolves
// it and answers an unknown one with the nearest matches (exit 4).
import { normalizeAssetId } from '../asset-id.js';
import { normalizeIncidentId } from '../incidents/incident-id.js';

export function normalizeDiagTarget(text: string): string {
  const t = text.trim();
  if (/^(?:inc-?)?\d+$/i.test(t)) return normalizeIncidentId(t);
  if (t.includes('/')) return normalizeAssetId(t);
  return t;
}

/** A site, as normalizeDiagTarget writes it: neither an asset nor an incident. */
export function isSiteTarget(target: string): boolean {
  return !target.includes('/') && !/^INC-\d+$/.test(target);
}
