// `incidents show ID`: the incident and its timeline.
import type { Command } from 'commander';
import type { IncidentDetail } from '../../core/model.js';
import { renderIncidentDetail } from '../../render/incidents.js';
import { incidentDetailJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { incidentIdFrom } from './pick.js';

export async function runIncidentsShow(options: { id: string | undefined }, ctx: CommandContext): Promise<IncidentDetail> {
  return ctx.client().getIncident(await incidentIdFrom(options.id, ctx));
}

export function registerIncidentsShow(incidents: Command, deps: Deps): void {
  incidents
    .command('show')
    .description('one incident with its timeline')
    .addArgument(incidentIdArgument())
    .action(
      action(deps, async (ctx, id: string | undefined) => {
        const detail = await runIncidentsShow({ id }, ctx);
        if (ctx.globals.json) ctx.printJson(incidentDetailJson(detail));
        else ctx.print(renderIncidentDetail(detail, ctx.view));
      }),
    );
}
