// `sim kinds [--kind K]`: the fault kinds the emulator knows per asset kind,
// what fixes each, and the share of the fleet's faults each one makes.
import { Option } from 'commander';
import { ASSET_KINDS, type AssetKind } from '../../core/vocabulary.js';
import { renderFaultMix } from '../../render/sim-faults.js';
import { defineVerb } from '../verb.js';
import { simOption, withSimControl } from './sim-url.js';

export interface SimKindsInput {
  kind: AssetKind | undefined;
  sim: string | undefined;
}

export const simKinds = defineVerb({
  name: 'kinds',
  description: 'fault kinds per asset kind, their fixes and their share of the mix',
  metadata: { examples: ['sim kinds', 'sim kinds --kind egate'] },
  configure(command) {
    command.addOption(new Option('--kind <kind>', 'only this asset kind').choices(ASSET_KINDS)).addOption(simOption());
  },
  input: (_args: [], { kind, sim }: SimKindsInput): SimKindsInput => ({ kind, sim }),
  async run(input, ctx) {
    const mix = await withSimControl(input.sim, ctx, (sim) => sim.faultKinds());
    return input.kind ? { ...mix, faultKinds: mix.faultKinds.filter((k) => k.assetKind === input.kind) } : mix;
  },
  present: {
    text: (mix, view) => renderFaultMix(mix, view),
    json: (mix) => mix,
  },
});
