// The catalog read against device-signals.md: one fault per asset kind and
// check, the findings it gives and the remediations it tries, in order.
import { describe, expect, it } from 'vitest';
import { ASSET_KINDS, type AssetKind } from '../../src/core/model.js';
import { CATALOG } from '../../src/hub/diagnostics/catalog/index.js';
import { findingsFor, isHealthy, isMitigated } from '../../src/hub/diagnostics/findings.js';
import { needsFieldVisit, remainingRemediations } from '../../src/hub/diagnostics/plan.js';

type Status = 'pass' | 'warn' | 'fail';

// The "actions offered" column of docs/device-signals.md.
const OFFERED: Record<AssetKind, string[]> = {
  egate: ['restart-service', 'recalibrate', 'clear-jam', 'reboot'],
  counter: ['restart-service', 'clear-jam', 'reboot'],
  'passport-reader': ['restart-service', 'recalibrate', 'reboot'],
  'biometric-kiosk': ['restart-service', 'recalibrate', 'reboot'],
  kiosk: ['restart-service', 'clear-jam', 'reboot'],
  cctv: ['restart-service', 'free-storage', 'reboot'],
  bodycam: ['restart-service', 'free-storage', 'reboot'],
  'network-link': ['failover-link', 'restart-service'],
  server: ['restart-service', 'free-storage', 'resync-clock', 'renew-certificate', 'reboot'],
  integration: ['renew-token', 'switch-mode', 'restart-service'],
};
const DISRUPTIVE = new Set(['reboot', 'failover-link', 'switch-mode']);

function health(kind: AssetKind, faults: Record<string, Status>) {
  const checks = CATALOG[kind].checks.map((name) => ({ name, status: faults[name] ?? ('pass' as Status) }));
  const bad = checks.some((c) => c.status !== 'pass');
  return { status: bad ? ('degraded' as const) : ('ok' as const), checks };
}

interface Case {
  kind: AssetKind;
  faults: Record<string, Status>;
  metrics?: Record<string, number>;
  codes: string[];
  /** The remediations tried, in order; [] = dispatch. */
  plan: string[];
}

const CASES: Case[] = [
  { kind: 'egate', faults: { service: 'fail' }, codes: ['service-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'egate', faults: { camera: 'fail' }, codes: ['camera-fault'], plan: ['recalibrate', 'reboot'] },
  { kind: 'egate', faults: { 'card-reader': 'fail' }, codes: ['card-reader-jam'], plan: ['clear-jam', 'reboot'] },
  { kind: 'egate', faults: { door: 'fail' }, codes: ['door-failed'], plan: [] },
  { kind: 'counter', faults: { service: 'fail' }, codes: ['service-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'counter', faults: { printer: 'fail' }, codes: ['printer-jam'], plan: ['clear-jam', 'reboot'] },
  { kind: 'counter', faults: { hardware: 'fail' }, codes: ['workstation-failed'], plan: [] },
  { kind: 'passport-reader', faults: { driver: 'fail' }, codes: ['driver-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'passport-reader', faults: { firmware: 'warn' }, codes: ['firmware-mismatch'], plan: ['reboot'] },
  { kind: 'passport-reader', faults: { optics: 'fail' }, codes: ['optics-failed'], plan: [] },
  { kind: 'biometric-kiosk', faults: { service: 'fail' }, codes: ['service-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'biometric-kiosk', faults: { scanner: 'fail' }, codes: ['scanner-fault'], plan: ['recalibrate', 'reboot'] },
  { kind: 'biometric-kiosk', faults: { display: 'fail' }, codes: ['display-failed'], plan: [] },
  { kind: 'kiosk', faults: { service: 'fail' }, codes: ['service-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'kiosk', faults: { printer: 'fail' }, codes: ['printer-jam'], plan: ['clear-jam', 'reboot'] },
  { kind: 'kiosk', faults: { display: 'fail' }, codes: ['display-failed'], plan: [] },
  { kind: 'cctv', faults: { stream: 'fail' }, codes: ['stream-stalled'], plan: ['restart-service', 'reboot'] },
  { kind: 'cctv', faults: { storage: 'fail' }, metrics: { storageUsedPct: 99 }, codes: ['storage-full'], plan: ['free-storage', 'reboot'] },
  { kind: 'cctv', faults: {}, metrics: { storageUsedPct: 96 }, codes: ['storage-nearly-full'], plan: ['free-storage'] },
  { kind: 'cctv', faults: { sensor: 'fail' }, codes: ['sensor-failed'], plan: [] },
  { kind: 'bodycam', faults: { dock: 'fail' }, codes: ['dock-upload-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'bodycam', faults: { storage: 'fail' }, codes: ['storage-full'], plan: ['free-storage', 'reboot'] },
  { kind: 'bodycam', faults: { battery: 'fail' }, codes: ['battery-failed'], plan: [] },
  { kind: 'network-link', faults: { carrier: 'fail' }, codes: ['primary-down'], plan: ['failover-link'] },
  { kind: 'network-link', faults: { quality: 'fail' }, metrics: { packetLossPct: 12 }, codes: ['link-quality'], plan: ['failover-link'] },
  { kind: 'network-link', faults: { carrier: 'fail', standby: 'fail' }, codes: ['line-down-no-standby'], plan: [] },
  { kind: 'server', faults: { disk: 'fail' }, metrics: { diskUsedPct: 98 }, codes: ['disk-full'], plan: ['free-storage', 'reboot'] },
  { kind: 'server', faults: { service: 'fail' }, codes: ['service-failed'], plan: ['restart-service', 'reboot'] },
  { kind: 'server', faults: { clock: 'fail' }, metrics: { clockSkewMs: -4500 }, codes: ['clock-skew'], plan: ['resync-clock', 'reboot'] },
  { kind: 'server', faults: {}, metrics: { clockSkewMs: -4500 }, codes: ['clock-skew-metric'], plan: ['resync-clock'] },
  { kind: 'server', faults: { certificate: 'fail' }, metrics: { certificateExpiresInDays: -1 }, codes: ['certificate-expired'], plan: ['renew-certificate'] },
  { kind: 'server', faults: { power: 'fail' }, codes: ['power-failed'], plan: [] },
  { kind: 'integration', faults: { auth: 'fail' }, codes: ['token-expired'], plan: ['renew-token', 'restart-service'] },
  { kind: 'integration', faults: { upstream: 'fail' }, codes: ['upstream-outage'], plan: ['switch-mode'] },
  { kind: 'integration', faults: { mode: 'warn' }, codes: ['offline-while-platform-up'], plan: ['switch-mode'] },
];

describe('diagnostic catalog', () => {
  it('has an entry for every asset kind, with the checks device-signals.md lists', () => {
    for (const kind of ASSET_KINDS) expect(CATALOG[kind].kind).toBe(kind);
    expect(CATALOG.server.checks).toEqual(['service', 'disk', 'clock', 'certificate', 'power']);
  });

  it.each(ASSET_KINDS)('%s: only actions the kind offers, disruptive ones need an officer', (kind) => {
    const catalog = CATALOG[kind];
    const all = [...catalog.rules.flatMap((r) => r.remediations), ...catalog.fallback];
    for (const r of all) {
      expect(OFFERED[kind]).toContain(r.action);
      expect(r.disruptive).toBe(DISRUPTIVE.has(r.action));
      expect(r.minRole).toBe(r.disruptive ? 'officer' : 'viewer');
    }
    expect(findingsFor(kind, health(kind, {}))).toEqual([]);
    expect(isHealthy(health(kind, {}), [])).toBe(true);
  });

  it.each(CASES.map((c) => [`${c.kind} ${JSON.stringify(c.faults)} ${JSON.stringify(c.metrics ?? {})}`, c] as const))('%s', (_name, c) => {
    const found = findingsFor(c.kind, health(c.kind, c.faults), c.metrics);
    expect(found.map((d) => d.finding.code)).toEqual(c.codes);
    expect(remainingRemediations(found, new Set()).map((r) => r.action)).toEqual(c.plan);
    if (c.plan.length === 0) {
      expect(needsFieldVisit(found)).toHaveLength(1);
      expect(found[0]!.finding.remoteFix).toBe(false);
      expect(found[0]!.finding.partsLikely.length).toBeGreaterThan(0);
    }
  });

  it('an upstream outage switched to offline processing is mitigated, not fixed', () => {
    const h = health('integration', { upstream: 'fail', mode: 'warn' });
    const found = findingsFor('integration', h);
    expect(found.map((d) => d.finding.code)).toEqual(['offline-processing']);
    expect(isMitigated(found)).toBe(true);
    expect(isHealthy(h, found)).toBe(false);
  });

  it('a failing check the catalog has no rule for is still a finding (never "fixed" past it)', () => {
    const h = { status: 'degraded' as const, checks: [{ name: 'fan', status: 'fail' as const, detail: 'stalled' }] };
    const found = findingsFor('egate', h);
    expect(found.map((d) => d.finding.code)).toEqual(['check-fan-fail']);
    expect(found[0]!.finding.detail).toBe('stalled');
    expect(remainingRemediations(found, new Set()).map((r) => r.action)).toEqual(['restart-service', 'reboot']);
  });

  it('a hardware fault beside a software one means dispatch, without trying the software fix', () => {
    const found = findingsFor('egate', health('egate', { service: 'fail', door: 'fail' }));
    expect(found.map((d) => d.finding.code)).toEqual(['service-failed', 'door-failed']);
    expect(remainingRemediations(found, new Set())).toEqual([]);
  });

  it('tries gentle remediations of every finding before any disruptive one', () => {
    const found = findingsFor('egate', health('egate', { camera: 'fail', 'card-reader': 'fail' }));
    expect(remainingRemediations(found, new Set()).map((r) => r.action)).toEqual(['recalibrate', 'clear-jam', 'reboot']);
    expect(remainingRemediations(found, new Set(['recalibrate'])).map((r) => r.action)).toEqual(['clear-jam', 'reboot']);
  });
});
