// The public site list (sites.json, see SOURCES.md) as the core Site model.
import type { Site, SiteKind } from '../core/model.js';
import { SITE_KINDS } from '../core/vocabulary.js';
import { CITY_AR } from './cities-ar.js';
import records from './sites.json' with { type: 'json' };

interface SiteRecord {
  id: string;
  name_en: string;
  name_ar: string;
  kind: string;
  region: string;
  city: string;
  lat: number;
  lon: number;
  neighbour: string | null;
  annual_passengers: number | null;
  source: string | null;
}

/** Every site with its public facts; staff is filled in by the fleet. */
export function loadSites(): Omit<Site, 'staff'>[] {
  return (records as SiteRecord[]).map((r) => ({
    id: r.id,
    name: { en: r.name_en, ar: r.name_ar },
    kind: siteKind(r),
    region: r.region,
    city: r.city,
    cityAr: CITY_AR[r.city] ?? null,
    lat: r.lat,
    lon: r.lon,
    neighbour: r.neighbour,
    annualPassengers: r.annual_passengers,
    source: r.source,
  }));
}

function siteKind(r: SiteRecord): SiteKind {
  const kind = SITE_KINDS.find((k) => k === r.kind);
  if (!kind) throw new Error(`sites.json: ${r.id} has an unknown kind "${r.kind}"`);
  return kind;
}
