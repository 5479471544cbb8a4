// `watch`: the live terminal UI of the fleet and the incident queue. The UI
// (Ink and React) comes through deps.loadWatchUi, so no other command pays for it.
import type { Command } from 'commander';
import type { CoreClient } from '../../core/client.js';
import { UsageError } from '../../core/errors.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export interface WatchOptions {
  /** A video wall: large tiles, no keys (so stdin need not be a terminal). */
  wall: boolean;
}

export async function runWatch(options: WatchOptions, ctx: CommandContext): Promise<void> {
  const { io } = ctx.deps;
  if (!io.isStdoutTTY || (!options.wall && !io.isStdinTTY)) {
    throw new UsageError(
      `watch needs a terminal (its ${io.isStdoutTTY ? 'input' : 'output'} is not one); for scripts use \`watchfloor status --json\``,
    );
  }
  if (ctx.globals.json) throw new UsageError('watch has no JSON output; for scripts use `watchfloor status --json`');
  await openWatchOnTerminal(ctx.client(), ctx, { wall: options.wall });
}

/**
 * The watch UI on this process's terminal until the officer quits or the
 * process is asked to stop; `demo` opens it too. The caller has checked that
 * stdout (and, for keys, stdin) are terminals.
 */
export async function openWatchOnTerminal(client: CoreClient, ctx: CommandContext, options: WatchOptions): Promise<void> {
  const { io } = ctx.deps;
  const { openWatchUi } = await ctx.deps.loadWatchUi();
  await openWatchUi({
    client,
    stdout: io.stdout as NodeJS.WriteStream,
    stdin: io.stdin as NodeJS.ReadStream,
    stderr: io.stderr as NodeJS.WriteStream,
    shutdown: ctx.deps.waitForShutdown(),
    lang: ctx.globals.lang,
    wall: options.wall,
  });
}

export function registerWatch(program: Command, deps: Deps): void {
  program
    .command('watch')
    .description('live view of every site and the incident queue; keys: arrows/hjkl, Tab, Enter, g, /, a, ?, q')
    .option('--wall', 'for a video wall: large tiles where the fleet fits them, no keys (Ctrl-C stops)')
    .action(
      action(deps, async (ctx, options: { wall?: boolean }) => {
        await runWatch({ wall: options.wall === true }, ctx);
      }),
    );
}
