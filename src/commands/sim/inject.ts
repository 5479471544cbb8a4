// `sim inject SITE/ASSET --fault KIND`: a drill. Gives a healthy device a
// fault in the emulator; the demo's monitoring raises the alert as it would
// for a real one. An unknown asset → exit 4 with the nearest ids.
import type { Command } from 'commander';
import { NotFoundError, isWatchfloorError } from '../../core/errors.js';
import { describeInjected, groundTruthJson, type GroundTruthFault } from '../../render/sim-faults.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { nearestAssetIds, normalizeAssetId } from '../asset-id.js';
import { simOption, withSimControl } from './sim-url.js';

export interface SimInjectOptions {
  asset: string;
  fault: string;
  sim: string | undefined;
}

export async function runSimInject(options: SimInjectOptions, ctx: CommandContext): Promise<GroundTruthFault> {
  const assetId = normalizeAssetId(options.asset);
  try {
    return await withSimControl(options.sim, ctx, (sim) => sim.inject(assetId, options.fault.trim()));
  } catch (e) {
    if (e instanceof NotFoundError && e.details.emulatorCode === 'unknown_asset') throw await withSuggestions(e, assetId, ctx);
    throw e;
  }
}

// The emulator knows its devices but does not list them; the hub does. Asking
// it is a courtesy: if it cannot answer, the emulator's own message stands.
async function withSuggestions(e: NotFoundError, assetId: string, ctx: CommandContext): Promise<NotFoundError> {
  const site = assetId.split('/')[0]!;
  try {
    const assets = await ctx.client().listAssets(site === 'platform' ? {} : { site });
    const near = nearestAssetIds(assetId, assets);
    if (!near.length) return e;
    return new NotFoundError(`no asset ${assetId}`, { hint: `did you mean ${near.join(', ')}?`, details: { suggestions: near } });
  } catch (hubFailure) {
    if (isWatchfloorError(hubFailure)) return e;
    throw hubFailure;
  }
}

export function registerSimInject(sim: Command, deps: Deps): void {
  sim
    .command('inject')
    .description('give a healthy device a fault (a drill); the demo raises its alert')
    .argument('<asset>', 'SITE/ASSET, e.g. RUH/egate-07')
    .requiredOption('--fault <kind>', 'a fault of that kind of asset (see `watchfloor sim kinds`)')
    .addOption(simOption())
    .action(
      action(deps, async (ctx, asset: string, options: { fault: string; sim?: string }) => {
        const fault = await runSimInject({ asset, fault: options.fault, sim: options.sim }, ctx);
        if (ctx.globals.json) ctx.printJson({ fault: groundTruthJson(fault) });
        else ctx.print(describeInjected(fault));
      }),
    );
}

