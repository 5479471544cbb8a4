// Which playbooks an incident calls for: the facts of an incident (its
// severity and state, its site's kind and region, its asset's kind, the
// alert's labels) held against each playbook's scope and triggers. Pure, so
// the hub proposes with it when an incident opens, the incident's detail and
// GET /v1/incidents/:id/playbooks list with it, and the runner's auto-run
// decides with it — all by the same rule.
import type { Incident, PlaybookDefinition } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { CatalogEntry, PlaybookCatalog } from './catalog.js';

/** What a trigger's keys are compared with; a fact the incident lacks matches nothing. */
export type IncidentFacts = Readonly<Record<string, string | undefined>>;

/** Site and asset ids are case-insensitive in the hub; every other fact compares exactly. */
const CASELESS = new Set(['site', 'asset']);

export function factsOf(
  incident: Pick<Incident, 'severity' | 'state' | 'siteId' | 'assetId' | 'labels'>,
  site?: { kind: string; region: string },
  asset?: { kind: string },
): IncidentFacts {
  const facts: Record<string, string | undefined> = {
    severity: incident.severity,
    state: incident.state,
    site: incident.siteId ?? undefined,
    'site.kind': site?.kind,
    'site.region': site?.region,
    asset: incident.assetId ?? undefined,
    'asset.kind': asset?.kind,
    alertname: incident.labels.alertname,
  };
  for (const [name, value] of Object.entries(incident.labels)) facts[`labels.${name}`] = value;
  return facts;
}

/** The facts of a stored incident, its site and asset read from the store. */
export async function incidentFacts(reader: Pick<StoreReader, 'getSite' | 'getAsset'>, incident: Incident): Promise<IncidentFacts> {
  const [site, asset] = await Promise.all([
    incident.siteId ? reader.getSite(incident.siteId) : undefined,
    incident.assetId ? reader.getAsset(incident.assetId) : undefined,
  ]);
  return factsOf(incident, site, asset);
}

function valueMatches(key: string, wanted: string | string[], fact: string | undefined): boolean {
  if (fact === undefined) return false;
  const options = Array.isArray(wanted) ? wanted : [wanted];
  return CASELESS.has(key) ? options.some((o) => o.toLowerCase() === fact.toLowerCase()) : options.includes(fact);
}

/** A playbook scoped to kinds of site or regions is never proposed outside them (nor for an incident with no site). */
function inScope(definition: PlaybookDefinition, facts: IncidentFacts): boolean {
  const { siteKinds, regions } = definition.scope;
  if (siteKinds && !valueMatches('site.kind', siteKinds, facts['site.kind'])) return false;
  if (regions && !valueMatches('site.region', regions, facts['site.region'])) return false;
  return true;
}

/** The index of the first trigger of `definition` the facts match, or undefined. */
export function matchingTrigger(definition: PlaybookDefinition, facts: IncidentFacts): number | undefined {
  if (!inScope(definition, facts)) return undefined;
  const index = definition.triggers.findIndex((t) => Object.entries(t.match).every(([key, wanted]) => valueMatches(key, wanted, facts[key])));
  return index < 0 ? undefined : index;
}

export interface PlaybookMatch {
  entry: CatalogEntry;
  /** Which of its triggers matched. */
  index: number;
}

/** Every playbook of the catalogue the facts match, in the catalogue's order (by id). */
export function matchingPlaybooks(catalog: PlaybookCatalog, facts: IncidentFacts): PlaybookMatch[] {
  return catalog.list().flatMap((entry) => {
    const index = matchingTrigger(entry.definition, facts);
    return index === undefined ? [] : [{ entry, index }];
  });
}
