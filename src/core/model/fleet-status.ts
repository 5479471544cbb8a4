// The fleet at a glance: each site's health, open incidents and flow, the
// national platforms, and one site in detail.
import { z } from 'zod';
import { SeverityCounts, Incident } from './incidents.js';
import { Asset, LocalizedName, Site } from './sites.js';
import { SiteMode } from './playbooks.js';
import { Health, SiteKind } from './vocabulary-schemas.js';

/** Why a site's alerts are quiet now: a maintenance window wins over a silence, the one ending last of its kind. */
export const SiteSilence = z.object({
  kind: z.enum(['maintenance', 'silence']),
  id: z.string(),
  until: z.string(),
});
export type SiteSilence = z.infer<typeof SiteSilence>;

/**
 * A contact centre's latest report of how its inquiries end, with the shares
 * worked out (src/core/contact-shares.ts); null shares while none ended.
 */
export const ContactCentreStatus = z.object({
  answeredByAiPerHour: z.number(),
  answeredByPeoplePerHour: z.number(),
  abandonedPerHour: z.number(),
  aiShare: z.number().nullable(),
  abandonedShare: z.number().nullable(),
});
export type ContactCentreStatus = z.infer<typeof ContactCentreStatus>;

export const SiteStatus = z.object({
  id: z.string(),
  name: LocalizedName,
  kind: SiteKind,
  region: z.string(),
  health: Health,
  openIncidents: SeverityCounts,
  waitMinutes: z.number().nullable(), // null until the site has reported
  queueLength: z.number().nullable(),
  arrivalsPerHour: z.number().nullable(),
  egates: z.object({ inService: z.number().int(), total: z.number().int() }),
  counters: z.object({ open: z.number().int(), total: z.number().int() }),
  staff: z.number().int(),
  reportedAt: z.string().nullable(),
  /** What the site runs as: its own mode, else the fleet's (a set-mode step switched it), else normal. */
  mode: SiteMode,
  /** Present while a maintenance window or a silence of the whole site holds: its alerts open no incident. */
  silence: SiteSilence.optional(),
  /** Present for a contact centre once it has reported how its inquiries ended. */
  contactCentre: ContactCentreStatus.optional(),
});
export type SiteStatus = z.infer<typeof SiteStatus>;

export const PlatformStatus = z.object({
  id: z.string(),
  name: z.string(),
  health: Health,
});
export type PlatformStatus = z.infer<typeof PlatformStatus>;

export const FleetStatus = z.object({
  generatedAt: z.string(),
  sites: z.array(SiteStatus),
  platforms: z.array(PlatformStatus),
  /** The whole fleet's mode (set-mode on "fleet"); a site's own mode, where it has one, wins for that site. */
  mode: SiteMode,
  totals: z.object({
    sites: z.number().int(),
    health: z.object({ ok: z.number().int(), degraded: z.number().int(), down: z.number().int() }),
    openIncidents: SeverityCounts,
    staff: z.number().int(),
  }),
});
export type FleetStatus = z.infer<typeof FleetStatus>;

export const SiteDetail = z.object({
  site: Site,
  status: SiteStatus,
  assets: z.array(Asset),
  /** Every asset at the site, however many `assets` holds (`?assets=attention` keeps those not ok); absent from hubs before it. */
  assetCount: z.number().int().nonnegative().optional(),
  incidents: z.array(Incident), // open ones
  /** The national platforms not ok now: every site depends on them, so its health reads them too; absent from hubs before it. */
  platformsDown: z.array(PlatformStatus).optional(),
});
export type SiteDetail = z.infer<typeof SiteDetail>;
