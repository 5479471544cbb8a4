import { describe, expect, it } from 'vitest';
import { Asset, Site } from '../../src/core/model.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';

const fleet = buildDemoFleet();
const assetsAt = (siteId: string) => fleet.assets.filter((a) => a.siteId === siteId);
const countOf = (siteId: string, kind: string) => assetsAt(siteId).filter((a) => a.kind === kind).length;

describe('buildDemoFleet: sites', () => {
  it('has the 103 public sites: 29 air, 14 land, 11 sea, 49 service centres in 13 regions, and the 992 contact centre', () => {
    expect(fleet.sites).toHaveLength(104);
    const byKind: Record<string, number> = {};
    for (const s of fleet.sites) byKind[s.kind] = (byKind[s.kind] ?? 0) + 1;
    expect(byKind).toEqual({ air: 29, land: 14, sea: 11, 'service-centre': 49, 'contact-centre': 1 });
    expect(new Set(fleet.sites.map((s) => s.region)).size).toBe(13);
    expect(new Set(fleet.sites.map((s) => s.id)).size).toBe(104);
    expect(fleet.sites.find((s) => s.kind === 'contact-centre')).toMatchObject({ id: 'CC-992', region: 'Riyadh', source: expect.stringMatching(/50,000 inquiries a month/) });
  });

  it('maps every record to the Site schema, keeping names in both languages and the sources', () => {
    for (const site of fleet.sites) expect(() => Site.parse(site), site.id).not.toThrow();
    const ruh = fleet.sites.find((s) => s.id === 'RUH')!;
    expect(ruh.name).toEqual({ en: 'King Khalid International Airport', ar: 'مطار الملك خالد الدولي' });
    expect(ruh.annualPassengers).toBe(37_600_000);
    expect(ruh.source).toMatch(/GASTAT/);
    expect(fleet.sites.find((s) => s.id === 'LND-KFC')!.neighbour).toBe('Bahrain');
    expect(fleet.sites.filter((s) => s.kind === 'land').every((s) => s.neighbour)).toBe(true);
  });

  it('names every city in Arabic too, the spelling the sites’ own Arabic names use where one does', () => {
    expect(fleet.sites.filter((s) => !s.cityAr).map((s) => `${s.id} (${s.city})`)).toEqual([]);
    const cityAr = (id: string) => fleet.sites.find((s) => s.id === id)!.cityAr;
    expect(cityAr('JED')).toBe('جدة');
    expect(cityAr('RUH')).toBe('الرياض');
    // Wherever a site's Arabic name says "جوازات محافظة X", X is its city's Arabic name.
    for (const s of fleet.sites) {
      const governorate = /^جوازات محافظة (.+)$/.exec(s.name.ar)?.[1];
      if (governorate && s.city !== 'Al-Hofuf') expect(s.cityAr, s.id).toBe(governorate);
    }
  });

  it('spreads about 8,000 staff by size, at least 4 everywhere, most at the busiest sites', () => {
    const total = fleet.sites.reduce((sum, s) => sum + s.staff, 0);
    expect(total).toBeGreaterThanOrEqual(7_900);
    expect(total).toBeLessThanOrEqual(8_100);
    expect(Math.min(...fleet.sites.map((s) => s.staff))).toBeGreaterThanOrEqual(4);
    const staff = (id: string) => fleet.sites.find((s) => s.id === id)!.staff;
    expect(staff('JED')).toBeGreaterThan(staff('AHB'));
    expect(staff('AHB')).toBeGreaterThan(staff('BHH')); // a public 4.4 M beats the regional default
    expect(staff('LND-KFC')).toBeGreaterThan(staff('LND-SALWA'));
    expect(staff('SC-RIY-01')).toBeGreaterThan(staff('SC-RIY-09')); // directorate vs governorate office
  });

  it('is deterministic', () => {
    expect(buildDemoFleet()).toEqual(fleet);
  });
});

describe('buildDemoFleet: assets', () => {
  it('validates every asset, healthy and without a management URL yet', () => {
    for (const asset of fleet.assets) expect(() => Asset.parse(asset), asset.id).not.toThrow();
    expect(fleet.assets.every((a) => a.health === 'ok' && a.managementUrl === null)).toBe(true);
  });

  it('gives unique ids of the form <SITE>/<kind>-NN for site assets', () => {
    const ids = fleet.assets.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const siteIds = new Set(fleet.sites.map((s) => s.id));
    for (const a of fleet.assets.filter((x) => x.siteId !== null)) {
      expect(siteIds.has(a.siteId!), a.id).toBe(true);
      expect(a.id.startsWith(`${a.siteId}/${a.kind}-`), a.id).toBe(true);
      expect(a.id.slice(a.siteId!.length + 1), a.id).toMatch(/^[a-z-]+-\d{2,3}$/);
      expect(a.name.length, a.id).toBeGreaterThan(3);
    }
    expect(ids).toContain('RUH/egate-07');
  });

  it('has the 12 national platforms as integrations with no site', () => {
    const platforms = fleet.assets.filter((a) => a.siteId === null);
    expect(platforms).toHaveLength(12);
    for (const p of platforms) {
      expect(p.kind).toBe('integration');
      expect(p.id).toMatch(/^platform\/[a-z-]+$/);
    }
    expect(platforms.map((p) => p.id)).toEqual(expect.arrayContaining(['platform/identity', 'platform/visa', 'platform/watchlist']));
    // And the 992 line's AI voice agent, the one integration at a site.
    expect(fleet.assets.filter((a) => a.kind === 'integration' && a.siteId !== null).map((a) => a.id)).toEqual(['CC-992/integration-01']);
  });

  it('equips each kind of site with its kinds of equipment', () => {
    const kindsAt = (siteId: string) => new Set<string>(assetsAt(siteId).map((a) => a.kind));
    for (const site of fleet.sites) {
      const kinds = kindsAt(site.id);
      if (site.kind === 'air') {
        for (const k of ['egate', 'counter', 'passport-reader', 'biometric-kiosk', 'cctv', 'bodycam', 'network-link', 'server']) {
          expect(kinds.has(k), `${site.id} ${k}`).toBe(true);
        }
        expect(countOf(site.id, 'network-link')).toBe(2);
        expect(countOf(site.id, 'server')).toBe(2);
      } else if (site.kind === 'contact-centre') {
        expect([...kinds].sort()).toEqual(['counter', 'integration', 'network-link', 'server']);
        expect(assetsAt(site.id).find((a) => a.kind === 'integration')!.name).toBe('AI voice agent');
        expect(assetsAt(site.id).find((a) => a.kind === 'counter')!.name).toMatch(/^Agent desktop/);
      } else if (site.kind === 'service-centre') {
        expect([...kinds].sort()).toEqual(['cctv', 'counter', 'kiosk', 'network-link']);
        expect(countOf(site.id, 'network-link')).toBeGreaterThanOrEqual(1);
        expect(countOf(site.id, 'network-link')).toBeLessThanOrEqual(2);
      } else {
        expect([...kinds].sort()).toEqual(['bodycam', 'cctv', 'counter', 'network-link', 'passport-reader']);
        expect(countOf(site.id, 'network-link')).toBe(2);
      }
    }
  });

  it('scales counts with traffic: dozens of gates and counters at RUH and JED, a handful at a small centre', () => {
    for (const id of ['RUH', 'JED']) {
      expect(countOf(id, 'egate'), id).toBeGreaterThanOrEqual(20);
      expect(countOf(id, 'counter'), id).toBeGreaterThanOrEqual(24);
    }
    expect(countOf('JED', 'counter')).toBeGreaterThan(countOf('AHB', 'counter'));
    expect(countOf('LND-KFC', 'counter')).toBeGreaterThan(countOf('LND-SALWA', 'counter'));
    const small = countOf('SC-RIY-09', 'counter');
    expect(small).toBeGreaterThanOrEqual(3);
    expect(small).toBeLessThanOrEqual(6);
    // A few thousand assets in all: enough for faults every simulated hour.
    expect(fleet.assets.length).toBeGreaterThan(2_000);
    expect(fleet.assets.length).toBeLessThan(10_000);
  });
});
