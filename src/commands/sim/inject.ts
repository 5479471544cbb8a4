// `sim inject SITE/ASSET --fault KIND`: a drill. Gives a healthy device a
// fault in the emulator; the demo's monitoring raises the alert as it would
// for a real one. An unknown asset → exit 4 with the nearest ids.
import { Argument, Option } from 'commander';
import { completeWith } from '../completion/dynamic.js';
import { NotFoundError, isWatchfloorError } from '../../core/errors.js';
import { describeInjected, groundTruthJson } from '../../render/sim-faults.js';
import { nearestAssetIds, normalizeAssetId } from '../asset-id.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';
import { simOption, withSimControl } from './sim-url.js';

export interface SimInjectInput {
  asset: string;
  fault: string;
  sim: string | undefined;
}

// The emulator knows its devices but does not list them; the hub does. Asking
// it is a courtesy: if it cannot answer, the emulator's own message stands.
async function withSuggestions(e: NotFoundError, assetId: string, ctx: VerbContext): Promise<NotFoundError> {
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

export const simInject = defineVerb({
  name: 'inject',
  description: 'give a healthy device a fault (a drill); the demo raises its alert',
  metadata: { examples: ['sim inject RUH/egate-07 --fault hung-service', 'sim inject JED/egate-01 --fault card-reader-jam'] },
  configure(command) {
    command
      .addArgument(completeWith(new Argument('<asset>', 'SITE/ASSET, e.g. RUH/egate-07'), 'assets'))
      .addOption(completeWith(new Option('--fault <kind>', 'a fault of that kind of asset (see `watchfloor sim kinds`)').makeOptionMandatory(), 'faults'))
      .addOption(simOption());
  },
  input: ([asset]: [string], { fault, sim }: { fault: string; sim?: string }): SimInjectInput => ({ asset, fault, sim }),
  async run(input, ctx) {
    const assetId = normalizeAssetId(input.asset);
    try {
      return await withSimControl(input.sim, ctx, (sim) => sim.inject(assetId, input.fault.trim()));
    } catch (e) {
      if (e instanceof NotFoundError && e.details.emulatorCode === 'unknown_asset') throw await withSuggestions(e, assetId, ctx);
      throw e;
    }
  },
  present: {
    text: (fault) => describeInjected(fault),
    json: (fault) => ({ fault: groundTruthJson(fault) }),
  },
});
