// Sites and their assets: the inventory every other noun points at.
import { z } from 'zod';
import { AssetKind, Health, SiteKind } from './vocabulary-schemas.js';

export const LocalizedName = z.object({ en: z.string(), ar: z.string() });
export type LocalizedName = z.infer<typeof LocalizedName>;

export const Site = z.object({
  id: z.string(), // IATA code for airports (RUH), LND-*, SEA-*, SC-* otherwise
  name: LocalizedName,
  kind: SiteKind,
  region: z.string(),
  city: z.string(),
  // The city's Arabic name, for replies in Arabic and for finding a site by its city in Arabic; null where unknown.
  cityAr: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  neighbour: z.string().nullable(), // land ports: the country across the border
  annualPassengers: z.number().nullable(),
  staff: z.number().int().nonnegative(),
  source: z.string().nullable(), // where the public figures came from
});
export type Site = z.infer<typeof Site>;

// An asset is anything that can fail: a device at a site, or (siteId null)
// one of the national platforms every site depends on.
// Ids are "<SITE>/<local>" for site assets (RUH/egate-07) and
// "platform/<name>" for integrations (platform/visa).
export const Asset = z.object({
  id: z.string(),
  siteId: z.string().nullable(),
  kind: AssetKind,
  name: z.string(),
  health: Health,
  managementUrl: z.string().nullable(), // device management API, used by diagnostics
});
export type Asset = z.infer<typeof Asset>;
