// The fleet at a glance, computed from inventory, open incidents and the
// latest telemetry. Pure: the caller loads the inputs.
import type {
  Asset,
  FleetStatus,
  Health,
  Incident,
  PlatformStatus,
  SeverityCounts,
  Site,
  SiteStatus,
  SiteModeRecord,
  SiteTelemetry,
} from '../../core/model.js';
import { contactShares } from '../../core/contact-shares.js';
import type { AssetCount, SilenceRecord } from '../store/store.js';
import { siteSilences } from '../silences/site-silences.js';

/** Beyond this wait a site counts as degraded even with every device healthy. */
export const WAIT_DEGRADED_MINUTES = 45;

export interface StatusInput {
  sites: Site[];
  assetCounts: AssetCount[];
  /** The national platforms (integration assets with no site); every site depends on all of them. */
  platforms: Asset[];
  openIncidents: Incident[];
  telemetry: SiteTelemetry[];
  /** Sites (and the fleet, as `fleet`) not in normal mode. */
  modes: SiteModeRecord[];
  /** Silences and maintenance windows in force (none when not given). */
  silences?: SilenceRecord[];
  now: Date;
}

const fleetModeOf = (input: StatusInput) => input.modes.find((m) => m.siteId === 'fleet')?.mode ?? 'normal';

/**
 * Real figures: a drill's incidents are counted apart, as `drill`, never in
 * the severities or the total (with `includeDrills`, as the site's health
 * reads them: a drill on the demo fleet shows on its sites).
 */
export function severityCounts(incidents: readonly Incident[], { includeDrills = false } = {}): SeverityCounts {
  const counts: SeverityCounts = { sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0, drill: 0 };
  for (const i of incidents) {
    if (i.drillRunId && !includeDrills) {
      counts.drill!++;
      continue;
    }
    counts[i.severity]++;
    counts.total++;
  }
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function siteHealth(open: SeverityCounts, platformsOk: boolean, waitMinutes: number | null): Health {
  if (open.sev1 > 0) return 'down';
  if (open.total > 0 || !platformsOk || (waitMinutes ?? 0) > WAIT_DEGRADED_MINUTES) return 'degraded';
  return 'ok';
}

function deviceCounts(counts: readonly AssetCount[], kind: Asset['kind']): { total: number; ok: number } {
  let total = 0;
  let ok = 0;
  for (const c of counts) {
    if (c.kind !== kind) continue;
    total += c.count;
    if (c.health === 'ok') ok += c.count;
  }
  return { total, ok };
}

/** Statuses of `sites` (all of input.sites by default), in input order. */
export function siteStatuses(input: StatusInput, sites: readonly Site[] = input.sites): SiteStatus[] {
  const incidentsBySite = groupBy(input.openIncidents, (i) => i.siteId?.toUpperCase() ?? null);
  const countsBySite = groupBy(input.assetCounts, (c) => c.siteId?.toUpperCase() ?? null);
  const telemetryBySite = new Map(input.telemetry.map((t) => [t.siteId.toUpperCase(), t]));
  const platformsOk = input.platforms.every((p) => p.health === 'ok');
  const modeBySite = new Map(input.modes.map((m) => [m.siteId.toUpperCase(), m.mode]));
  const fleetMode = fleetModeOf(input);
  const silenced = siteSilences(input.silences ?? [], input.now.toISOString());
  return sites.map((site) => {
    const key = site.id.toUpperCase();
    const open = severityCounts(incidentsBySite.get(key) ?? []);
    const felt = severityCounts(incidentsBySite.get(key) ?? [], { includeDrills: true });
    const report = telemetryBySite.get(key);
    const counts = countsBySite.get(key) ?? [];
    const egates = deviceCounts(counts, 'egate');
    const counters = deviceCounts(counts, 'counter');
    const waitMinutes = report?.waitMinutes ?? null;
    return {
      id: site.id,
      name: site.name,
      kind: site.kind,
      region: site.region,
      health: siteHealth(felt, platformsOk, waitMinutes),
      openIncidents: open,
      waitMinutes,
      queueLength: report?.queueLength ?? null,
      arrivalsPerHour: report?.arrivalsPerHour ?? null,
      // Until a site reports, healthy devices are the best estimate of what is in service.
      egates: { inService: report?.egatesInService ?? egates.ok, total: egates.total },
      counters: { open: report?.countersOpen ?? counters.ok, total: counters.total },
      staff: site.staff,
      reportedAt: report?.at ?? null,
      mode: modeBySite.get(key) ?? fleetMode,
      ...(silenced.has(key) ? { silence: silenced.get(key)! } : {}),
      ...(report?.contactCentre ? { contactCentre: { ...report.contactCentre, ...contactShares(report.contactCentre) } } : {}),
    };
  });
}

export function platformStatuses(platforms: readonly Asset[]): PlatformStatus[] {
  return platforms.map((p) => ({ id: p.id, name: p.name, health: p.health }));
}

export function buildFleetStatus(input: StatusInput): FleetStatus {
  const sites = siteStatuses(input);
  const health = { ok: 0, degraded: 0, down: 0 };
  for (const s of sites) health[s.health]++;
  return {
    generatedAt: input.now.toISOString(),
    sites,
    platforms: platformStatuses(input.platforms),
    mode: fleetModeOf(input),
    totals: {
      sites: sites.length,
      health,
      openIncidents: severityCounts(input.openIncidents),
      staff: input.sites.reduce((sum, s) => sum + s.staff, 0),
    },
  };
}
