// What applying an inventory would do to the hub's: every site and asset to
// add, change (field by field) or remove, the dependencies and the alert-label
// mapping, and the open incidents that make a removal need --force. Pure over
// what it reads, so the plan shown is the plan applied: apply computes it again
// in its own transaction.
import type { AlertLabelMapping, Asset, ChangedEntry, Dependency, FieldChange, InventoryDocument, InventoryPlan, RemovedEntry, Site } from '../../core/model.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { DEFAULT_ALERT_LABELS } from '../incidents/alert-label-rules.js';
import type { StoreReader } from '../store/store.js';

type PlannedAsset = Omit<Asset, 'health'>;

const key = (id: string) => id.toUpperCase();
const depKey = (d: Dependency) => `${key(d.asset)} ${key(d.dependsOn)}`;
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

const SITE_FIELDS: [string, (s: Site) => unknown][] = [
  ['name.en', (s) => s.name.en], ['name.ar', (s) => s.name.ar], ['kind', (s) => s.kind], ['region', (s) => s.region],
  ['city', (s) => s.city], ['cityAr', (s) => s.cityAr], ['lat', (s) => s.lat], ['lon', (s) => s.lon],
  ['neighbour', (s) => s.neighbour], ['annualPassengers', (s) => s.annualPassengers], ['staff', (s) => s.staff], ['source', (s) => s.source],
];
const ASSET_FIELDS: [string, (a: PlannedAsset) => unknown][] = [
  ['site', (a) => a.siteId], ['kind', (a) => a.kind], ['name', (a) => a.name], ['managementUrl', (a) => a.managementUrl],
];

function fieldChanges<T>(fields: [string, (x: T) => unknown][], before: T, after: T): FieldChange[] {
  return fields.flatMap(([field, read]) => (same(read(before), read(after)) ? [] : [{ field, before: read(before) ?? null, after: read(after) ?? null }]));
}

/** Add, change and remove, by id matched case-insensitively; a change keeps the id as the hub spells it. */
function diff<T extends { id: string }>(current: T[], desired: T[], fields: [string, (x: T) => unknown][]) {
  const now = new Map(current.map((c) => [key(c.id), c]));
  const wanted = new Set(desired.map((d) => key(d.id)));
  const add: T[] = [];
  const change: ChangedEntry[] = [];
  for (const d of desired) {
    const c = now.get(key(d.id));
    if (!c) add.push(d);
    else {
      const changed = fieldChanges(fields, c, d);
      if (changed.length) change.push({ id: c.id, fields: changed });
    }
  }
  return { add, change, remove: current.filter((c) => !wanted.has(key(c.id))) };
}

export function desiredSites(document: InventoryDocument): Site[] | undefined {
  return document.sites?.map((s) => ({
    id: s.id, name: s.name, kind: s.kind, region: s.region, city: s.city, cityAr: s.cityAr ?? null, lat: s.lat, lon: s.lon,
    neighbour: s.neighbour ?? null, annualPassengers: s.annualPassengers ?? null, staff: s.staff ?? 0, source: s.source ?? null,
  }));
}

async function openIncidentsAt(store: StoreReader, where: { siteId?: string; assetId?: string }): Promise<string[]> {
  return (await store.listIncidents({ state: 'open', ...where })).map((i) => i.id);
}

export interface PlannedChange {
  plan: InventoryPlan;
  /** Every asset the hub is to hold after (the added and changed written, the rest as they are). */
  write: { sites: Site[]; assets: PlannedAsset[] };
}

export async function planInventory(store: StoreReader, document: InventoryDocument): Promise<PlannedChange> {
  const currentSites = await store.listSites();
  const currentAssets = await store.listAssets();
  const currentDeps = await store.listDependencies();
  const currentLabels = (await store.getAlertLabels()) ?? DEFAULT_ALERT_LABELS;

  const sites = desiredSites(document) ?? currentSites;
  const sitesDiff = diff(currentSites, sites, SITE_FIELDS);
  const removedSites = new Set(sitesDiff.remove.map((s) => key(s.id)));
  // A site's canonical spelling: the hub's for a site it keeps, the file's for a new one.
  const siteId = new Map([...sites.map((s) => [key(s.id), s.id] as const), ...currentSites.map((s) => [key(s.id), s.id] as const)]);

  const assets: PlannedAsset[] = document.assets
    ? document.assets.map((a) => ({ id: a.id, siteId: a.site ? siteId.get(key(a.site))! : null, kind: a.kind, name: a.name, managementUrl: a.managementUrl ?? null }))
    : currentAssets.filter((a) => !(a.siteId && removedSites.has(key(a.siteId)))).map(({ health: _, ...a }) => a);
  const assetsDiff = diff(currentAssets.map(({ health: _, ...a }) => a), assets, ASSET_FIELDS);
  const kept = new Set(assets.map((a) => key(a.id)));

  const deps: Dependency[] = document.assets
    ? document.assets.flatMap((a) => (a.dependsOn ?? []).map((d) => ({ asset: a.id, dependsOn: d })))
    : currentDeps.filter((d) => kept.has(key(d.asset)) && kept.has(key(d.dependsOn)));
  const depsNow = new Set(currentDeps.map(depKey));
  const depsWanted = new Set(deps.map(depKey));
  const labels: AlertLabelMapping = document.alertLabels ?? currentLabels;

  const removeSites: RemovedEntry[] = [];
  for (const s of sitesDiff.remove) removeSites.push({ id: s.id, openIncidents: await openIncidentsAt(store, { siteId: s.id }) });
  const removeAssets: RemovedEntry[] = [];
  for (const a of assetsDiff.remove) removeAssets.push({ id: a.id, openIncidents: await openIncidentsAt(store, { assetId: a.id }) });
  // A site's removal takes its assets: their incidents count against it too.
  const siteOfAsset = new Map(currentAssets.map((a) => [a.id, a.siteId && key(a.siteId)]));
  for (const s of removeSites) {
    const at = removeAssets.filter((a) => siteOfAsset.get(a.id) === key(s.id));
    s.openIncidents = [...new Set([...s.openIncidents, ...at.flatMap((a) => a.openIncidents)])].sort();
  }

  const plan: InventoryPlan = {
    changes: false,
    sites: { add: sitesDiff.add, change: sitesDiff.change, remove: removeSites },
    assets: { add: assetsDiff.add, change: assetsDiff.change, remove: removeAssets },
    dependencies: { add: deps.filter((d) => !depsNow.has(depKey(d))), remove: currentDeps.filter((d) => !depsWanted.has(depKey(d))) },
    // Writing out the defaults changes nothing the intake does: not a change.
    alertLabels: same(labels, currentLabels) ? null : { before: currentLabels, after: labels },
    unmanaged: (['sites', 'assets', 'alertLabels'] as const).filter((s) => document[s] === undefined),
  };
  plan.changes = [plan.sites.add, plan.sites.change, plan.sites.remove, plan.assets.add, plan.assets.change, plan.assets.remove, plan.dependencies.add, plan.dependencies.remove]
    .some((list) => list.length > 0) || plan.alertLabels !== null;
  const changedSites = new Set(sitesDiff.change.map((c) => key(c.id)));
  const changedAssets = new Set(assetsDiff.change.map((c) => key(c.id)));
  const assetId = new Map(currentAssets.map((a) => [key(a.id), a.id]));
  return {
    plan,
    write: {
      sites: [...sitesDiff.add, ...sites.filter((s) => changedSites.has(key(s.id))).map((s) => ({ ...s, id: siteId.get(key(s.id))! }))],
      assets: [...assetsDiff.add, ...assets.filter((a) => changedAssets.has(key(a.id))).map((a) => ({ ...a, id: assetId.get(key(a.id))! }))],
    },
  };
}
