// `incidents list [--state S|open|all] [--site S] [--region R] [--severity S] [--limit N] [-o wide] [--watch]`
import { Option } from 'commander';
import type { CoreClient, IncidentFilter } from '../../core/client.js';
import type { Incident, Site } from '../../core/model.js';
import { INCIDENT_STATES, SEVERITIES, type IncidentState, type Severity } from '../../core/vocabulary.js';
import { renderIncidentTable, type WideIncidentFacts } from '../../render/incidents.js';
import { INCIDENT_FIELDS, incidentJson } from '../../render/json.js';
import { integerOption } from '../options.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';
import { outputOption } from '../output-option.js';
import { defineVerb } from '../verb.js';
import { watchOption } from '../watching/watch-option.js';

export interface IncidentsListInput {
  /** `all`: every state, resolved ones too. */
  state: IncidentState | 'open' | 'all';
  /** As typed: an id or a fragment of a name. */
  site: string | undefined;
  /** As typed: a region's name in any case or language, a fragment, or a city in it. */
  region?: string | undefined;
  severity: Severity | undefined;
  /** At most this many, newest first. */
  limit: number | undefined;
  /** Also the incidents grouped under a parent (the parent counts them otherwise). */
  children?: boolean;
  watch?: true;
}

// The most the hub gives in one answer: a region is filtered here, so the limit is applied after it.
const HUB_MAX = 1_000;

export async function listIncidents(input: IncidentsListInput, ctx: Pick<VerbContext, 'client' | 'globals'>): Promise<(Incident & WideIncidentFacts)[]> {
  const client = ctx.client();
  // The hub gives every state when none is asked for.
  // A site's own incidents are asked for by place: a child there is one of them even when its parent is elsewhere.
  const folded = !input.children && input.site === undefined;
  const filter: IncidentFilter = { state: input.state === 'all' ? undefined : input.state, severity: input.severity, limit: input.limit, ...(folded ? { children: false } : {}) };
  if (input.site !== undefined) filter.site = (await client.findSite(input.site)).id;
  let sites: Site[] | undefined;
  let incidents: Incident[];
  if (input.region === undefined) {
    incidents = await client.listIncidents(filter);
  } else {
    sites = await client.listSites();
    const region = await client.findRegion(input.region, sites);
    const inRegion = new Set(sites.filter((s) => s.region === region).map((s) => s.id));
    // Children are asked for too, whatever the view: a parent elsewhere (a national
    // platform's outage has no site) belongs in this region's list when one of its
    // children is here, and is found through them.
    const all = await client.listIncidents({ ...filter, children: undefined, limit: HUB_MAX });
    incidents = inRegionOrParentOf(all, inRegion, folded);
    if (input.limit !== undefined) incidents = incidents.slice(0, input.limit);
  }
  if (!ctx.globals.wide) return incidents;
  return withRegions(incidents, sites ?? (await client.listSites()));
}

/** The incidents at the region's sites, and the parent of any child there (once, in the hub's order); children left out when folded. */
function inRegionOrParentOf(all: Incident[], inRegion: Set<string>, folded: boolean): Incident[] {
  const here = (i: Incident) => i.siteId !== null && inRegion.has(i.siteId);
  const parentsOfHere = new Set(all.filter((i) => i.parentId && here(i)).map((i) => i.parentId!));
  return all.filter((i) => (folded && i.parentId ? false : here(i) || parentsOfHere.has(i.id)));
}

function withRegions(incidents: Incident[], sites: Site[]): (Incident & WideIncidentFacts)[] {
  const regions = new Map(sites.map((s) => [s.id, s.region]));
  return incidents.map((i) => ({ ...i, region: i.siteId === null ? null : (regions.get(i.siteId) ?? null) }));
}

export const incidentsList = defineVerb({
  name: 'list',
  description: 'incidents, newest first (open ones unless --state says otherwise)',
  metadata: {
    examples: ['incidents list --site JED', 'inc ls --state all --limit 20 --json id,title,state', 'incidents list --region makkah -o wide', 'incidents list --watch --json'],
  },
  configure(command) {
    command
      .addOption(new Option('--state <state>', 'open, all, or one state').choices(['open', 'all', ...INCIDENT_STATES]).default('open'))
      .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
      .addOption(completeWith(new Option('--region <region>', 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'), 'regions'))
      .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES))
      .option('--limit <n>', 'at most N, newest first (the hub gives at most 1000)', integerOption(1, 1_000))
      .option('--children', 'also the incidents grouped under a parent (folded by default; a parent shows how many); --site shows them always', false)
      .addOption(outputOption())
      .addOption(watchOption());
  },
  input: (_args: [], { state, site, region, severity, limit, children, watch }: Omit<IncidentsListInput, 'watch'> & { watch?: boolean }): IncidentsListInput => ({
    state,
    site,
    severity,
    limit,
    children: Boolean(children),
    ...(region !== undefined ? { region } : {}),
    ...(watch ? { watch: true as const } : {}),
  }),
  run: listIncidents,
  present: {
    text: (incidents, view) => (incidents.length ? renderIncidentTable(incidents, view) : ''),
    note: (incidents) => (incidents.length ? undefined : 'no incidents match'),
    json: (incidents) => ({ incidents: incidents.map(incidentJson) }),
    jsonFields: { key: 'incidents', fields: INCIDENT_FIELDS },
  },
  watch: {
    requested: (input) => input.watch === true,
    records: (incidents) => incidents,
    key: (incident) => (incident as Incident).id,
    only: (_incidents, records) => records as Incident[],
    recordKey: 'incident',
    affectedBy: (type) => type.startsWith('incident.'),
  },
});
