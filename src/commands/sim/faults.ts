// `sim faults [--site S]`: the faults present in the emulator now, with their
// ground truth (hardware or not, mitigated, injected or simulated).
import { compareOrdinal } from '../../core/ordinal.js';
import { Option } from 'commander';
import { groundTruthJson, renderGroundTruth } from '../../render/sim-faults.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';
import { simOption, withSimControl } from './sim-url.js';

export interface SimFaultsInput {
  site: string | undefined;
  sim: string | undefined;
}

export const simFaults = defineVerb({
  name: 'faults',
  description: 'the faults present now, with their ground truth',
  metadata: { examples: ['sim faults', 'sim faults --site JED --json'] },
  configure(command) {
    command.addOption(completeWith(new Option('--site <site>', 'only this site (its id)'), 'sites')).addOption(simOption());
  },
  input: (_args: [], { site, sim }: SimFaultsInput): SimFaultsInput => ({ site, sim }),
  async run(input, ctx) {
    const faults = await withSimControl(input.sim, ctx, (sim) => sim.faults({ site: input.site?.trim() || undefined }));
    // Oldest first: the longest-standing fault leads.
    return [...faults].sort((a, b) => compareOrdinal(a.since, b.since) || compareOrdinal(a.assetId, b.assetId));
  },
  present: {
    text: (faults, view) => (faults.length ? renderGroundTruth(faults, view) : ''),
    note: (faults) => (faults.length ? undefined : 'no faults present'),
    json: (faults) => ({ faults: faults.map(groundTruthJson) }),
  },
});
