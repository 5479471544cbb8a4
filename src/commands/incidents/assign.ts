// `incidents assign ID --to NAME`
import type { Command } from 'commander';
import type { MutationResult } from '../../core/model.js';
import { UsageError } from '../../core/errors.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { printMutation } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export interface AssignOptions {
  id: string | undefined;
  to: string;
}

export async function runAssign(options: AssignOptions, ctx: CommandContext): Promise<MutationResult> {
  const id = await incidentIdFrom(options.id, ctx);
  return ctx.client().assign(id, options.to);
}

export function registerAssign(incidents: Command, deps: Deps): void {
  incidents
    .command('assign')
    .description('hand an incident to someone')
    .addArgument(incidentIdArgument())
    .requiredOption('--to <name>', 'who takes it')
    .action(
      action(deps, async (ctx, id: string | undefined, options: { to: string }) => {
        if (!options.to.trim()) throw new UsageError('--to needs a name');
        printMutation('assign', await runAssign({ id, to: options.to.trim() }, ctx), ctx);
      }),
    );
}
