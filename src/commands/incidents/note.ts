// `incidents note ID TEXT`
import type { Command } from 'commander';
import type { MutationResult } from '../../core/model.js';
import { UsageError } from '../../core/errors.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { incidentIdArgument } from './incident-argument.js';
import { normalizeIncidentId } from './incident-id.js';
import { printMutation } from './mutation.js';

export async function runNote(options: { id: string; text: string }, ctx: CommandContext): Promise<MutationResult> {
  return ctx.client().note(normalizeIncidentId(options.id), options.text);
}

export function registerNote(incidents: Command, deps: Deps): void {
  incidents
    .command('note')
    .description('add a note to the timeline')
    .addArgument(incidentIdArgument(true))
    .argument('<text...>', 'the note (quotes optional)')
    .action(
      action(deps, async (ctx, id: string, words: string[]) => {
        const text = words.join(' ').trim();
        if (!text) throw new UsageError('the note is empty');
        printMutation('note', await runNote({ id, text }, ctx), ctx);
      }),
    );
}
