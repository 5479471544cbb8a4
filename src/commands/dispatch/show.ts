// `dispatch show ID`: the work order as a technician reads it.
import type { Command } from 'commander';
import type { Dispatch } from '../../core/model.js';
import { renderDispatchDetail } from '../../render/dispatch.js';
import { dispatchJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { dispatchIdArgument, normalizeDispatchId } from './dispatch-id.js';

export function runDispatchShow(options: { id: string }, ctx: Pick<CommandContext, 'client'>): Promise<Dispatch> {
  return ctx.client().getDispatch(normalizeDispatchId(options.id));
}

export function registerDispatchShow(dispatch: Command, deps: Deps): void {
  dispatch
    .command('show')
    .description('one work order: findings, actions tried, parts likely needed')
    .addArgument(dispatchIdArgument())
    .action(
      action(deps, async (ctx, id: string) => {
        const d = await runDispatchShow({ id }, ctx);
        if (ctx.globals.json) ctx.printJson({ dispatch: dispatchJson(d) });
        else ctx.print(renderDispatchDetail(d, ctx.view));
      }),
    );
}
