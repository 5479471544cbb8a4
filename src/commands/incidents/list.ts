// `incidents list [--state S|open] [--site S] [--severity S]`
import { Option } from 'commander';
import type { IncidentFilter } from '../../core/client.js';
import { INCIDENT_STATES, SEVERITIES, type IncidentState, type Severity } from '../../core/vocabulary.js';
import { renderIncidentTable } from '../../render/incidents.js';
import { incidentJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';

export interface IncidentsListInput {
  state: IncidentState | 'open';
  /** As typed: an id or a fragment of a name. */
  site: string | undefined;
  severity: Severity | undefined;
}

export const incidentsList = defineVerb({
  name: 'list',
  description: 'incidents, newest first (open ones unless --state says otherwise)',
  metadata: { examples: ['incidents list --site JED'] },
  configure(command) {
    command
      .addOption(new Option('--state <state>', 'open, or one state').choices(['open', ...INCIDENT_STATES]).default('open'))
      .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
      .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES));
  },
  input: (_args: [], { state, site, severity }: IncidentsListInput): IncidentsListInput => ({ state, site, severity }),
  async run(input, ctx) {
    const client = ctx.client();
    const filter: IncidentFilter = { state: input.state, severity: input.severity };
    if (input.site !== undefined) filter.site = (await client.findSite(input.site)).id;
    return client.listIncidents(filter);
  },
  present: {
    text: (incidents, view) => (incidents.length ? renderIncidentTable(incidents, view) : ''),
    note: (incidents) => (incidents.length ? undefined : 'no incidents match'),
    json: (incidents) => ({ incidents: incidents.map(incidentJson) }),
  },
});
