// `incidents resolve ID --summary TEXT` (asked for on a terminal when left out).
import type { Command } from 'commander';
import type { MutationResult } from '../../core/model.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { printMutation } from './mutation.js';
import { incidentIdFrom, textFrom } from './pick.js';

export interface ResolveOptions {
  id: string | undefined;
  summary: string | undefined;
}

export async function runResolve(options: ResolveOptions, ctx: CommandContext): Promise<MutationResult> {
  const id = await incidentIdFrom(options.id, ctx);
  const summary = await textFrom(options.summary, { flag: '--summary', message: 'What fixed it?' }, ctx);
  return ctx.client().resolve(id, summary.trim());
}

export function registerResolve(incidents: Command, deps: Deps): void {
  incidents
    .command('resolve')
    .description('close an incident with a summary of what fixed it')
    .addArgument(incidentIdArgument())
    .option('--summary <text>', 'what fixed it')
    .action(
      action(deps, async (ctx, id: string | undefined, options: { summary?: string }) => {
        printMutation('resolve', await runResolve({ id, summary: options.summary }, ctx), ctx);
      }),
    );
}
