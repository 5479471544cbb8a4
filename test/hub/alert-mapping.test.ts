import { describe, expect, it } from 'vitest';
import { alertFingerprint, alertTitle, mapAlert, severityFromLabel, type Inventory } from '../../src/hub/incidents/alert-mapping.js';
import { AlertmanagerWebhook, type WebhookAlert } from '../../src/hub/incidents/alertmanager-webhook.js';
import { fixture } from './hub-fixture.js';

const inventory: Inventory = {
  siteId: (label) => ({ RUH: 'RUH', JED: 'JED' })[label.toUpperCase()],
  assetId: (id) => ({ 'ruh/egate-07': 'RUH/egate-07', 'platform/visa': 'platform/visa' })[id.toLowerCase()],
};

const alert = (labels: Record<string, string>, annotations: Record<string, string> = {}): WebhookAlert => ({
  status: 'firing',
  labels,
  annotations,
  fingerprint: 'abc',
});

describe('Alertmanager severity', () => {
  it.each([
    ['critical', 'sev1'],
    ['major', 'sev2'],
    ['error', 'sev2'],
    ['warning', 'sev3'],
    ['info', 'sev4'],
    ['CRITICAL', 'sev1'],
    ['sev2', 'sev2'],
    ['SEV1', 'sev1'],
    [undefined, 'sev4'],
  ] as const)('%s → %s', (label, sev) => {
    expect(severityFromLabel(label)).toBe(sev);
  });
});

describe('alert place', () => {
  it('resolves a local asset label against the site label', () => {
    expect(mapAlert(alert({ site: 'ruh', asset: 'egate-07' }), inventory)).toMatchObject({ siteId: 'RUH', assetId: 'RUH/egate-07' });
  });

  it('resolves a full asset id, taking the site from it', () => {
    expect(mapAlert(alert({ asset: 'RUH/egate-07' }), inventory)).toMatchObject({ siteId: 'RUH', assetId: 'RUH/egate-07' });
  });

  it('resolves a platform asset with no site', () => {
    expect(mapAlert(alert({ asset: 'platform/visa' }), inventory)).toMatchObject({ siteId: null, assetId: 'platform/visa' });
  });

  it('keeps unknown site and asset labels without rejecting the alert', () => {
    const mapped = mapAlert(alert({ site: 'XYZ', asset: 'egate-99', alertname: 'Down' }), inventory);
    expect(mapped).toMatchObject({ siteId: null, assetId: null });
    expect(mapped.labels).toEqual({ site: 'XYZ', asset: 'egate-99', alertname: 'Down' });
  });
});

describe('alert title and fingerprint', () => {
  it('uses the summary annotation first', () => {
    expect(alertTitle(alert({ alertname: 'EGateDown' }, { summary: 'Gate 7 down' }))).toBe('Gate 7 down');
  });

  it('falls back to alertname at site/asset', () => {
    expect(alertTitle(alert({ alertname: 'EGateDown', site: 'RUH', asset: 'egate-07' }))).toBe('EGateDown at RUH/egate-07');
    expect(alertTitle(alert({ alertname: 'LinkDown', site: 'JED' }))).toBe('LinkDown at JED');
    expect(alertTitle(alert({}))).toBe('Alert');
  });

  it('derives a stable fingerprint from the labels when none is sent', () => {
    const a = { ...alert({ b: '2', a: '1' }), fingerprint: undefined };
    const b = { ...alert({ a: '1', b: '2' }), fingerprint: undefined };
    expect(alertFingerprint(a)).toBe(alertFingerprint(b));
    expect(alertFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
  });

  // Read from Debian's Alertmanager 0.25 (GET /api/v2/alerts after posting these labels): an alert Prometheus
  // sends straight to the hub (no fingerprint) must dedupe with the same alert relayed by Alertmanager's webhook.
  it.each([
    [{ alertname: 'GateDown', site: 'RUH', asset: 'RUH/egate-07', severity: 'warning' }, 'dcef48b50b7fb468'],
    [{ zz: 'é\u0001\u202e', alertname: 'بوابة' }, '07680286febda04c'],
    [{}, 'cbf29ce484222325'],
  ])('derives the fingerprint Alertmanager computes for %j', (labels, expected) => {
    expect(alertFingerprint({ ...alert(labels), fingerprint: undefined })).toBe(expected);
  });
});

describe('webhook shape', () => {
  it('accepts the Alertmanager 0.25 v4 fixture, ignoring extra fields', () => {
    const parsed = AlertmanagerWebhook.parse(fixture('alertmanager-v4-firing.json'));
    expect(parsed.alerts).toHaveLength(1);
    expect(mapAlert(parsed.alerts[0]!, inventory)).toMatchObject({
      fingerprint: '4e2b7f0c1a9d3e55',
      severity: 'sev2',
      siteId: 'RUH',
      assetId: 'RUH/egate-07',
      title: 'E-gate 07 at King Khalid International Airport stopped processing passengers',
    });
  });

  it('rejects what is not a webhook at all', () => {
    expect(AlertmanagerWebhook.safeParse({ hello: 'world' }).success).toBe(false);
    expect(AlertmanagerWebhook.safeParse({ alerts: [{ status: 'exploded', labels: {} }] }).success).toBe(false);
  });
});
