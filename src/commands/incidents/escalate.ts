// `incidents escalate ID [--reason R]` (supervisors): one severity step up.
import type { Command } from 'commander';
import type { MutationResult } from '../../core/model.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { printMutation } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export interface EscalateOptions {
  id: string | undefined;
  reason: string | undefined;
}

export async function runEscalate(options: EscalateOptions, ctx: CommandContext): Promise<MutationResult> {
  const id = await incidentIdFrom(options.id, ctx);
  return ctx.client().escalate(id, options.reason);
}

export function registerEscalate(incidents: Command, deps: Deps): void {
  incidents
    .command('escalate')
    .description('raise the severity one step (supervisors)')
    .addArgument(incidentIdArgument())
    .option('--reason <reason>', 'why, for the timeline')
    .action(
      action(deps, async (ctx, id: string | undefined, options: { reason?: string }) => {
        printMutation('escalate', await runEscalate({ id, reason: options.reason }, ctx), ctx);
      }),
    );
}
