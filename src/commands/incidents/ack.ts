// `incidents ack ID`: take it. Someone else got there first → exit 5 naming them.
import type { Command } from 'commander';
import type { MutationResult } from '../../core/model.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { printMutation } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export async function runAck(options: { id: string | undefined }, ctx: CommandContext): Promise<MutationResult> {
  return ctx.client().ack(await incidentIdFrom(options.id, ctx));
}

export function registerAck(incidents: Command, deps: Deps): void {
  incidents
    .command('ack')
    .description('acknowledge an incident: you are on it')
    .addArgument(incidentIdArgument())
    .action(
      action(deps, async (ctx, id: string | undefined) => {
        printMutation('ack', await runAck({ id }, ctx), ctx);
      }),
    );
}
