// `incidents list [--state S|open] [--site S] [--severity S]`
import { Option, type Command } from 'commander';
import type { IncidentFilter } from '../../core/client.js';
import type { Incident } from '../../core/model.js';
import { INCIDENT_STATES, SEVERITIES, type IncidentState, type Severity } from '../../core/vocabulary.js';
import { renderIncidentTable } from '../../render/incidents.js';
import { incidentJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export interface IncidentsListOptions {
  state: IncidentState | 'open';
  site: string | undefined;
  severity: Severity | undefined;
}

export async function runIncidentsList(options: IncidentsListOptions, ctx: Pick<CommandContext, 'client'>): Promise<Incident[]> {
  const client = ctx.client();
  const filter: IncidentFilter = { state: options.state, severity: options.severity };
  if (options.site !== undefined) filter.site = (await client.findSite(options.site)).id;
  return client.listIncidents(filter);
}

export function registerIncidentsList(incidents: Command, deps: Deps): void {
  incidents
    .command('list')
    .description('incidents, newest first (open ones unless --state says otherwise)')
    .addOption(new Option('--state <state>', 'open, or one state').choices(['open', ...INCIDENT_STATES]).default('open'))
    .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
    .addOption(new Option('--severity <severity>', 'only this severity').choices(SEVERITIES))
    .action(
      action(deps, async (ctx, options: IncidentsListOptions) => {
        const list = await runIncidentsList(options, ctx);
        if (ctx.globals.json) ctx.printJson({ incidents: list.map(incidentJson) });
        else if (list.length) ctx.print(renderIncidentTable(list, ctx.view));
        else ctx.info('no incidents match');
      }),
    );
}
