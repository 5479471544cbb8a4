// `incidents list [--state S|open] [--site S] [--severity S]`
import { Option } from 'commander';
import type { IncidentFilter } from '../../core/client.js';
import { INCIDENT_STATES, SEVERITIES, type IncidentState, type Severity } from '../../core/vocabulary.js';
import { renderIncidentTable } from '../../render/incidents.js';
import { INCIDENT_FIELDS, incidentJson } from '../../render/json.js';
import { integerOption } from '../options.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';

export interface IncidentsListInput {
  /** `all`: every state, resolved ones too. */
  state: IncidentState | 'open' | 'all';
  /** As typed: an id or a fragment of a name. */
  site: string | undefined;
  severity: Severity | undefined;
  /** At most this many, newest first. */
  limit: number | undefined;
  /** Also the incidents grouped under a parent (the parent counts them otherwise). */
  children: boolean;
}

export const incidentsList = defineVerb({
  name: 'list',
  description: 'incidents, newest first (open ones unless --state says otherwise)',
  metadata: { examples: ['incidents list --site JED', 'inc ls --state all --limit 20 --json id,title,state'] },
  configure(command) {
    command
      .addOption(new Option('--state <state>', 'open, all, or one state').choices(['open', 'all', ...INCIDENT_STATES]).default('open'))
      .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
      .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES))
      .option('--limit <n>', 'at most N, newest first (the hub gives at most 1000)', integerOption(1, 1_000))
      .option('--children', 'also the incidents grouped under a parent (folded by default; a parent shows how many); --site shows them always', false);
  },
  input: (_args: [], { state, site, severity, limit, children }: IncidentsListInput): IncidentsListInput => ({ state, site, severity, limit, children: Boolean(children) }),
  async run(input, ctx) {
    const client = ctx.client();
    // The hub gives every state when none is asked for.
    // A site's own incidents are asked for by place: a child there is one of them even when its parent is elsewhere.
    const folded = !input.children && input.site === undefined;
    const filter: IncidentFilter = { state: input.state === 'all' ? undefined : input.state, severity: input.severity, limit: input.limit, ...(folded ? { children: false } : {}) };
    if (input.site !== undefined) filter.site = (await client.findSite(input.site)).id;
    return client.listIncidents(filter);
  },
  present: {
    text: (incidents, view) => (incidents.length ? renderIncidentTable(incidents, view) : ''),
    note: (incidents) => (incidents.length ? undefined : 'no incidents match'),
    json: (incidents) => ({ incidents: incidents.map(incidentJson) }),
    jsonFields: { key: 'incidents', fields: INCIDENT_FIELDS },
  },
});
