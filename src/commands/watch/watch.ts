// `watch`: the live terminal UI of the fleet and the incident queue. The UI
// (Ink and React) comes through deps.loadWatchUi, so no other command pays for it.
import type { CoreClient } from '../../core/client.js';
import { UsageError } from '../../core/errors.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';

export interface WatchInput {
  /** A video wall: large tiles, no keys (so stdin need not be a terminal). */
  wall: boolean;
}

/**
 * The watch UI on this process's terminal until the officer quits or the
 * process is asked to stop; `demo` opens it too. The caller has checked that
 * stdout (and, for keys, stdin) are terminals.
 */
export async function openWatchOnTerminal(client: CoreClient, ctx: Pick<VerbContext, 'deps' | 'globals'>, input: WatchInput): Promise<void> {
  const { io } = ctx.deps;
  const { openWatchUi } = await ctx.deps.loadWatchUi();
  await openWatchUi({
    client,
    stdout: io.stdout as NodeJS.WriteStream,
    stdin: io.stdin as NodeJS.ReadStream,
    stderr: io.stderr as NodeJS.WriteStream,
    shutdown: ctx.deps.waitForShutdown(),
    lang: ctx.globals.lang,
    wall: input.wall,
  });
}

export const watch = defineVerb({
  name: 'watch',
  description: 'live view of every site and the incident queue; keys: arrows/hjkl, Tab, Enter, g, /, a, d, f, e, r, p (playbooks), ?, q',
  // A live full-screen terminal UI: chat has no terminal.
  metadata: {
    examples: ['watch', 'watch --wall', 'watch --lang ar'],
    refusedInChat: { en: 'it is the live terminal UI; run `watchfloor watch` in a terminal', ar: 'واجهة حية للطرفية؛ نفّذ `watchfloor watch` في الطرفية' },
  },
  configure: (command) => void command.option('--wall', 'for a video wall: large tiles where the fleet fits them, no keys (Ctrl-C stops)'),
  input: (_args: [], options: { wall?: boolean }): WatchInput => ({ wall: options.wall === true }),
  async run(input, ctx): Promise<void> {
    const { io } = ctx.deps;
    if (!io.isStdoutTTY || (!input.wall && !io.isStdinTTY)) {
      throw new UsageError(
        `watch needs a terminal (its ${io.isStdoutTTY ? 'input' : 'output'} is not one); for scripts use \`watchfloor status --json\``,
      );
    }
    if (ctx.globals.json) throw new UsageError('watch has no JSON output; for scripts use `watchfloor status --json`');
    // A client of its own, so what the officer starts from the UI (a playbook run) is recorded as the tui's.
    const client = ctx.deps.createClient({ ...ctx.connection(), channel: 'tui' });
    try {
      await openWatchOnTerminal(client, ctx, input);
    } finally {
      await client.close();
    }
  },
  present: { text: () => '', json: () => undefined },
});
