// `dispatch close ID --note TEXT`: the technician repaired it on site; the
// hub resolves the incident. The note is asked for on a terminal when left out.
import type { Command } from 'commander';
import type { Dispatch } from '../../core/model.js';
import { dispatchJson } from '../../render/json.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { textFrom } from '../incidents/pick.js';
import { dispatchIdArgument, normalizeDispatchId } from './dispatch-id.js';

export async function runDispatchClose(options: { id: string; note: string | undefined }, ctx: CommandContext): Promise<Dispatch> {
  const id = normalizeDispatchId(options.id);
  const note = await textFrom(options.note, { flag: '--note', message: 'What did the technician do?' }, ctx);
  return ctx.client().closeDispatch(id, note.trim());
}

export function registerDispatchClose(dispatch: Command, deps: Deps): void {
  dispatch
    .command('close')
    .description('close a work order once repaired on site (resolves its incident)')
    .addArgument(dispatchIdArgument())
    .option('--note <text>', 'what was done on site')
    .action(
      action(deps, async (ctx, id: string, options: { note?: string }) => {
        const d = await runDispatchClose({ id, note: options.note }, ctx);
        if (ctx.globals.json) ctx.printJson({ dispatch: dispatchJson(d) });
        else ctx.print(`closed ${d.id}; incident ${d.incidentId} resolved`);
      }),
    );
}
