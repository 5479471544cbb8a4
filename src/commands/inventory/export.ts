// `inventory export [--format yaml|json]`: what the hub holds, as an inventory
// file; planning it again shows no changes. YAML by default (what people keep
// in git), loaded only here so no other command pays for the library. The
// file is written from the data made inert (names holding control characters
// come out with visible stand-ins), then printed as it is: it is our own text.
import { Option } from 'commander';
import type { InventoryExport } from '../../core/model.js';
import { inertView } from '../../render/inert-text.js';
import { defineVerb } from '../verb.js';

const FORMATS = ['yaml', 'json'] as const;

export const inventoryExport = defineVerb({
  name: 'export',
  description: 'write the hub\'s inventory as a file (YAML or JSON) to stdout',
  metadata: { examples: ['inventory export > inventory.yaml', 'inventory export --format json > inventory.json'] },
  configure(command) {
    command.addOption(new Option('--format <format>', 'the file format').choices(FORMATS).default('yaml'));
  },
  input: (_args: [], options: { format: (typeof FORMATS)[number] }) => ({ format: options.format }),
  async run(input, ctx): Promise<{ inventory: InventoryExport; text: string }> {
    const inventory = await ctx.client().exportInventory();
    const shown = inertView(inventory);
    if (input.format === 'json') return { inventory, text: `${JSON.stringify(shown, null, 2)}\n` };
    const { stringify } = await import('yaml');
    return { inventory, text: stringify(shown, { lineWidth: 0 }) };
  },
  present: {
    text: (result) => result.text,
    ownText: true,
    json: (result) => result.inventory,
  },
});
