// `sim kinds [--kind K]`: the fault kinds the emulator knows per asset kind,
// what fixes each, and the share of the fleet's faults each one makes.
import { Option, type Command } from 'commander';
import { ASSET_KINDS, type AssetKind } from '../../core/vocabulary.js';
import { renderFaultMix, type FaultMix } from '../../render/sim-faults.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { simOption, withSimControl } from './sim-url.js';

export async function runSimKinds(
  options: { kind: AssetKind | undefined; sim: string | undefined },
  ctx: Pick<CommandContext, 'globals' | 'deps'>,
): Promise<FaultMix> {
  const mix = await withSimControl(options.sim, ctx, (sim) => sim.faultKinds());
  return options.kind ? { ...mix, faultKinds: mix.faultKinds.filter((k) => k.assetKind === options.kind) } : mix;
}

export function registerSimKinds(sim: Command, deps: Deps): void {
  sim
    .command('kinds')
    .description('fault kinds per asset kind, their fixes and their share of the mix')
    .addOption(new Option('--kind <kind>', 'only this asset kind').choices(ASSET_KINDS))
    .addOption(simOption())
    .action(
      action(deps, async (ctx, options: { kind?: AssetKind; sim?: string }) => {
        const mix = await runSimKinds({ kind: options.kind, sim: options.sim }, ctx);
        if (ctx.globals.json) ctx.printJson(mix);
        else ctx.print(renderFaultMix(mix, ctx.view));
      }),
    );
}
