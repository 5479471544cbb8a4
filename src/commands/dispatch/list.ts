// `dispatch list [--state open|closed|all] [--site S]`: work orders, open ones by default.
import { Option, type Command } from 'commander';
import type { Dispatch } from '../../core/model.js';
import { DISPATCH_STATES, type DispatchState } from '../../core/vocabulary.js';
import { renderDispatchTable } from '../../render/dispatch.js';
import { dispatchJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export interface DispatchListOptions {
  state: DispatchState | 'all';
  site: string | undefined;
}

export async function runDispatchList(options: DispatchListOptions, ctx: Pick<CommandContext, 'client'>): Promise<Dispatch[]> {
  const client = ctx.client();
  const site = options.site === undefined ? undefined : (await client.findSite(options.site)).id;
  return client.listDispatches({ state: options.state === 'all' ? undefined : options.state, site });
}

export function registerDispatchList(dispatch: Command, deps: Deps): void {
  dispatch
    .command('list')
    .description('work orders for technicians (open ones unless --state says otherwise)')
    .addOption(new Option('--state <state>', 'open, closed or all').choices([...DISPATCH_STATES, 'all']).default('open'))
    .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
    .action(
      action(deps, async (ctx, options: DispatchListOptions) => {
        const list = await runDispatchList(options, ctx);
        if (ctx.globals.json) ctx.printJson({ dispatches: list.map(dispatchJson) });
        else if (list.length) ctx.print(renderDispatchTable(list, ctx.view));
        else ctx.info('no dispatches match');
      }),
    );
}
