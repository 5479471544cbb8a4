// `inventory plan FILE…`: what applying the files would add, change and
// remove, as the hub computes it (a dry run of apply). Exit 0 either way, like
// `terraform plan`; with --exit-code, 1 when there are changes (as `git diff
// --exit-code`), since 2 is taken by usage errors here. Problems in the files:
// one line each on stderr, exit 2.
import { formatPlaybookError } from '../../core/playbook-file-errors.js';
import { CheckFailedError } from '../../core/errors.js';
import type { InventoryPlan, PlaybookFileError } from '../../core/model.js';
import { planCounts, renderInventoryPlan } from '../../render/inventory.js';
import { defineVerb } from '../verb.js';
import { invalidInventory, sendInventoryFiles } from './inventory-files.js';

export type PlanResult = { plan: InventoryPlan; errors?: undefined; exitCode: boolean } | { plan?: undefined; errors: PlaybookFileError[] };

function differs(plan: InventoryPlan): CheckFailedError {
  const { add, change, remove } = planCounts(plan);
  return new CheckFailedError(`the hub differs from the inventory: ${add} to add, ${change} to change, ${remove} to remove`, {
    hint: 'apply it with `watchfloor inventory apply FILE`',
  });
}

export const inventoryPlan = defineVerb({
  name: 'plan',
  description: 'show what applying inventory files would add, change and remove (admins; nothing is changed)',
  metadata: { examples: ['inventory plan inventory.yaml', 'inventory plan sites.csv assets.csv', 'inventory plan inventory.yaml --exit-code'] },
  configure(command) {
    command.argument('<files...>', 'inventory files: YAML or JSON (any sections), CSV (one table: sites or assets)');
    command.option('--exit-code', 'exit 1 when there are changes, 0 when there are none');
  },
  input: ([files]: [string[]], options: { exitCode?: boolean }) => ({ files, exitCode: options.exitCode === true }),
  async run(input, ctx): Promise<PlanResult> {
    const outcome = await sendInventoryFiles(input.files, (files) => ctx.client().planInventory(files));
    return 'errors' in outcome ? outcome : { plan: outcome.sent, exitCode: input.exitCode };
  },
  failure: (result) => (result.errors ? invalidInventory(result.errors) : result.exitCode && result.plan.changes ? differs(result.plan) : undefined),
  present: {
    text: (result, view) => (result.errors ? '' : renderInventoryPlan(result.plan, view)),
    note: (result) => result.errors?.map(formatPlaybookError).join('\n'),
    json: (result) => (result.errors ? { errors: result.errors } : { plan: result.plan }),
  },
});
