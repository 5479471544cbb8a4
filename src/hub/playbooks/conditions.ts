// Conditions on live data, as a wait or branch step reads them: a site's
// reported wait, an asset's health, an incident's state, a site's mode (its
// own, else the fleet's), an input's value. Read from the store each time a
// step checks, never cached: the data moves while a run waits. A condition
// that names a site, asset or incident the hub does not know is an error
// (the step fails and its onFailure decides), never a silent false.
import { UsageError } from '../../core/errors.js';
import type { PlaybookCondition, SiteMode } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { fillDeep, type RunScope } from './interpolate.js';

/** A site's mode: its own if it has one, else the fleet's, else normal. */
export async function modeOfSite(store: StoreReader, siteId: string): Promise<SiteMode> {
  const modes = await store.listSiteModes();
  const own = modes.find((m) => m.siteId.toLowerCase() === siteId.toLowerCase());
  return own?.mode ?? modes.find((m) => m.siteId === 'fleet')?.mode ?? 'normal';
}

async function holds(store: StoreReader, c: PlaybookCondition, scope: RunScope): Promise<boolean> {
  if ('all' in c) {
    for (const part of c.all) if (!(await holds(store, part, scope))) return false;
    return true;
  }
  if ('any' in c) {
    for (const part of c.any) if (await holds(store, part, scope)) return true;
    return false;
  }
  if ('not' in c) return !(await holds(store, c.not, scope));
  if ('input' in c) return scope.inputs[c.input.name] === c.input.equals;
  if ('siteWait' in c) {
    const { site, above, below } = c.siteWait;
    const known = await store.getSite(site);
    if (!known) throw new UsageError(`no site ${site}`);
    const report = await store.telemetryOf(known.id);
    // A site that never reported has no wait to compare: the condition does not hold yet.
    if (!report) return false;
    return (above === undefined || report.waitMinutes > above) && (below === undefined || report.waitMinutes < below);
  }
  if ('assetHealth' in c) {
    const asset = await store.getAsset(c.assetHealth.asset);
    if (!asset) throw new UsageError(`no asset ${c.assetHealth.asset}`);
    return asset.health === c.assetHealth.is;
  }
  if ('incidentState' in c) {
    const incident = await store.getIncident(c.incidentState.incident);
    if (!incident) throw new UsageError(`no incident ${c.incidentState.incident}`);
    return incident.state === c.incidentState.is;
  }
  const { site, is } = c.siteMode;
  if (site !== 'fleet' && !(await store.getSite(site))) throw new UsageError(`no site ${site}`);
  const mode = site === 'fleet' ? ((await store.listSiteModes()).find((m) => m.siteId === 'fleet')?.mode ?? 'normal') : await modeOfSite(store, site);
  return mode === is;
}

/** Whether `condition`, its ${names} filled from the run, holds now. */
export function conditionHolds(store: StoreReader, condition: PlaybookCondition, scope: RunScope): Promise<boolean> {
  return holds(store, fillDeep(condition, scope), scope);
}

/** The condition in words, for a run's reason and a dry run's plan. */
export function describeCondition(c: PlaybookCondition): string {
  if ('all' in c) return c.all.map(describeCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeCondition).join(' or ')})`;
  if ('not' in c) return `not ${describeCondition(c.not)}`;
  if ('input' in c) return `input ${c.input.name} is ${String(c.input.equals)}`;
  if ('siteWait' in c) {
    const { site, above, below } = c.siteWait;
    return `${site} wait${above !== undefined ? ` above ${above} min` : ''}${above !== undefined && below !== undefined ? ' and' : ''}${below !== undefined ? ` below ${below} min` : ''}`;
  }
  if ('assetHealth' in c) return `${c.assetHealth.asset} is ${c.assetHealth.is}`;
  if ('incidentState' in c) return `${c.incidentState.incident} is ${c.incidentState.is}`;
  return `${c.siteMode.site} is in ${c.siteMode.is} mode`;
}
