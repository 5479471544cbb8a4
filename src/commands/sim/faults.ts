// `sim faults [--site S]`: the faults present in the emulator now, with their
// ground truth (hardware or not, mitigated, injected or simulated).
import { Option, type Command } from 'commander';
import { groundTruthJson, renderGroundTruth, type GroundTruthFault } from '../../render/sim-faults.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { simOption, withSimControl } from './sim-url.js';

export interface SimFaultsOptions {
  site: string | undefined;
  sim: string | undefined;
}

export async function runSimFaults(options: SimFaultsOptions, ctx: Pick<CommandContext, 'globals' | 'deps'>): Promise<GroundTruthFault[]> {
  const faults = await withSimControl(options.sim, ctx, (sim) => sim.faults({ site: options.site?.trim() || undefined }));
  // Oldest first: the longest-standing fault leads.
  return [...faults].sort((a, b) => a.since.localeCompare(b.since) || a.assetId.localeCompare(b.assetId));
}

export function registerSimFaults(sim: Command, deps: Deps): void {
  sim
    .command('faults')
    .description('the faults present now, with their ground truth')
    .addOption(completeWith(new Option('--site <site>', 'only this site (its id)'), 'sites'))
    .addOption(simOption())
    .action(
      action(deps, async (ctx, options: { site?: string; sim?: string }) => {
        const faults = await runSimFaults({ site: options.site, sim: options.sim }, ctx);
        if (ctx.globals.json) ctx.printJson({ faults: faults.map(groundTruthJson) });
        else if (faults.length) ctx.print(renderGroundTruth(faults, ctx.view));
        else ctx.info('no faults present');
      }),
    );
}
