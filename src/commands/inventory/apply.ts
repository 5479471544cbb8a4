// `inventory apply FILE… [--force]`: the files made the hub's inventory in one
// transaction (admins), audited; the change it made, or that there was none.
// Removing a site or asset with open incidents is refused (exit 5) unless --force.
import { formatPlaybookError } from '../../core/playbook-file-errors.js';
import type { InventoryApplyResult, PlaybookFileError } from '../../core/model.js';
import { renderInventoryApply } from '../../render/inventory.js';
import { defineVerb } from '../verb.js';
import { invalidInventory, sendInventoryFiles } from './inventory-files.js';

export type ApplyResult = (InventoryApplyResult & { errors?: undefined }) | { errors: PlaybookFileError[]; plan?: undefined };

export const inventoryApply = defineVerb({
  name: 'apply',
  description: 'make the hub hold what inventory files say: sites, assets, dependencies, alert labels (admins; one transaction, audited)',
  metadata: { examples: ['inventory apply inventory.yaml', 'inventory apply inventory.yaml --force'] },
  configure(command) {
    command.argument('<files...>', 'inventory files: YAML or JSON (any sections), CSV (one table: sites or assets)');
    command.option('--force', 'remove sites and assets even with open incidents (the incidents stay open)');
  },
  input: ([files]: [string[]], options: { force?: boolean }) => ({ files, force: options.force === true }),
  async run(input, ctx): Promise<ApplyResult> {
    const outcome = await sendInventoryFiles(input.files, (files) => ctx.client().applyInventory(files, { force: input.force }));
    return 'errors' in outcome ? outcome : outcome.sent;
  },
  failure: (result) => (result.errors ? invalidInventory(result.errors) : undefined),
  present: {
    text: (result, view) => (result.errors ? '' : renderInventoryApply(result, view)),
    note: (result) => result.errors?.map(formatPlaybookError).join('\n'),
    json: (result) => (result.errors ? { errors: result.errors } : { applied: result.applied, plan: result.plan }),
  },
});
