import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alertOf, fingerprintOf, webhookOf, type AlertmanagerAlert } from '../../src/sim/alerts.js';
import { severityOf, type Fault } from '../../src/sim/faults.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { mulberry32 } from '../../src/sim/rng.js';
import { initialState, step } from '../../src/sim/step.js';
import { buildWorld } from '../../src/sim/world.js';

// The Alertmanager webhook payload, version 4, as Alertmanager 0.25 posts it.
const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const WebhookAlert = z
  .object({
    status: z.enum(['firing', 'resolved']),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    startsAt: Iso,
    endsAt: Iso,
    generatorURL: z.url(),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  })
  .strict();
const WebhookV4 = z
  .object({
    version: z.literal('4'),
    groupKey: z.string().min(1),
    truncatedAlerts: z.number().int().nonnegative(),
    status: z.enum(['firing', 'resolved']),
    receiver: z.string().min(1),
    groupLabels: z.record(z.string(), z.string()),
    commonLabels: z.record(z.string(), z.string()),
    commonAnnotations: z.record(z.string(), z.string()),
    externalURL: z.url(),
    alerts: z.array(WebhookAlert).min(1),
  })
  .strict();

const fleet = buildDemoFleet();
const world = buildWorld(fleet);
const assetIds = new Set(fleet.assets.map((a) => a.id));
const START = Date.parse('2026-09-08T15:00:00Z');

function fault(assetId: string, severity: Fault['severity'] = 'warning'): Fault {
  const asset = world.assetById.get(assetId)!;
  return { id: 'F000042', assetId, siteId: asset.siteId, kind: asset.kind, faultKind: 'hung-service', source: 'simulated', severity, startedAt: START, clearsAt: START + 3_600_000, lastNotifiedAt: null };
}

function firstDayOfAlerts(seed: number): AlertmanagerAlert[] {
  const rng = mulberry32(seed);
  let state = initialState(fleet, new Date(START), rng);
  const alerts: AlertmanagerAlert[] = [];
  for (let i = 0; i <= 24 * 60; i += 5) {
    const result = step(state, new Date(START + i * 60_000), i === 0 ? 0 : 300, rng);
    alerts.push(...result.alerts);
    state = result.state;
  }
  return alerts;
}

describe('Alertmanager webhook payloads', () => {
  const alerts = firstDayOfAlerts(3);

  it('validate as version 4, with the fixture’s top-level fields', () => {
    const payload = webhookOf(alerts);
    expect(() => WebhookV4.parse(payload)).not.toThrow();
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/alertmanager-v4-firing.json', import.meta.url), 'utf8'));
    const { grafanaExtra: _extra, ...amFields } = fixture;
    expect(Object.keys(payload).sort()).toEqual(Object.keys(amFields).sort());
    expect(payload.status).toBe('firing');
  });

  it('label every alert with alertname, severity and an asset the fleet has', () => {
    expect(alerts.length).toBeGreaterThan(20);
    for (const a of alerts) {
      expect(a.labels.alertname).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(['critical', 'major', 'warning', 'info']).toContain(a.labels.severity);
      const full = a.labels.site ? `${a.labels.site}/${a.labels.asset}` : a.labels.asset!;
      expect(assetIds.has(full), full).toBe(true);
      // The summary names the equipment in words; the description says what it means for travellers.
      expect(a.annotations.summary!.split(' ').length).toBeGreaterThan(3);
      expect(a.annotations.description!.length).toBeGreaterThan(20);
      expect(a.endsAt === '0001-01-01T00:00:00Z').toBe(a.status === 'firing');
    }
  });

  it('is resolved only when every alert in it is', () => {
    const resolved = alerts.filter((a) => a.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(0);
    expect(webhookOf(resolved).status).toBe('resolved');
  });

  it('puts only labels shared by all alerts into commonLabels', () => {
    const payload = webhookOf([alertOf(fault('RUH/egate-07'), world, 'firing'), alertOf(fault('RUH/cctv-03'), world, 'firing')]);
    expect(payload.commonLabels).toEqual({ severity: 'warning', site: 'RUH' });
    const single = webhookOf([alertOf(fault('RUH/egate-07'), world, 'firing')]);
    expect(single.commonLabels).toEqual(single.alerts[0]!.labels);
    expect(single.commonAnnotations).toEqual(single.alerts[0]!.annotations);
  });
});

describe('one alert', () => {
  it('names a site asset by its site and local part, as an exporter would', () => {
    const alert = alertOf(fault('RUH/egate-07'), world, 'firing');
    expect(alert.labels).toMatchObject({ alertname: 'EGateOutOfService', site: 'RUH', asset: 'egate-07', severity: 'warning' });
    expect(alert.annotations.summary).toBe('E-gate 07 at King Khalid International Airport stopped processing travellers');
  });

  it('names a platform by its full id, with no site', () => {
    const alert = alertOf(fault('platform/visa', 'critical'), world, 'firing');
    expect(alert.labels.site).toBeUndefined();
    expect(alert.labels).toMatchObject({ alertname: 'IntegrationUnavailable', asset: 'platform/visa', severity: 'critical' });
  });

  it('keeps its fingerprint from firing to resolved, and differs for another fault of the same asset', () => {
    const f = fault('JED/server-01', 'major');
    const firing = alertOf(f, world, 'firing');
    const resolved = alertOf(f, world, 'resolved');
    expect(resolved.fingerprint).toBe(firing.fingerprint);
    expect(resolved.endsAt).toBe(new Date(f.clearsAt).toISOString());
    expect(alertOf({ ...f, id: 'F000043' }, world, 'firing').fingerprint).not.toBe(firing.fingerprint);
    expect(fingerprintOf(firing.labels, f.id)).toBe(firing.fingerprint);
  });
});

describe('severity by impact', () => {
  const none = new Set<string>();
  const asset = (id: string) => world.assetById.get(id)!;

  it('makes a platform outage, a site’s last link or both servers critical', () => {
    expect(severityOf(asset('platform/identity'), world, none)).toBe('critical');
    expect(severityOf(asset('RUH/network-link-02'), world, new Set(['RUH/network-link-01']))).toBe('critical');
    expect(severityOf(asset('RUH/server-02'), world, new Set(['RUH/server-01']))).toBe('critical');
    expect(severityOf(asset('SC-RIY-09/network-link-01'), world, none)).toBe('critical'); // its only line
  });

  it('makes one gate or one redundant link a warning, one server major, one desk information', () => {
    expect(severityOf(asset('RUH/egate-07'), world, none)).toBe('warning');
    expect(severityOf(asset('RUH/network-link-01'), world, none)).toBe('warning');
    expect(severityOf(asset('RUH/server-01'), world, none)).toBe('major');
    expect(severityOf(asset('RUH/counter-05'), world, none)).toBe('info');
  });

  it('makes losing half the gates major', () => {
    const gates = world.siteById.get('DMM')!.equipment.egate;
    const others = new Set(gates.slice(1, Math.ceil(gates.length / 2)));
    expect(severityOf(asset(gates[0]!), world, others)).toBe('major');
  });
});
