// `__complete sites|incidents` (hidden): the values completion scripts offer,
// one per line. A shell waits on this while someone presses Tab, so it gives
// up after a second and stays silent (exit 0) when the hub cannot answer.
import { Argument, type Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { DYNAMIC_SOURCES, type DynamicSource } from './dynamic.js';

export const COMPLETION_TIMEOUT_MS = 1_000;

export async function runCompleteValues(source: DynamicSource, ctx: Pick<CommandContext, 'connection' | 'deps'>): Promise<string[]> {
  const client = ctx.deps.createClient({ ...ctx.connection(), timeoutMs: COMPLETION_TIMEOUT_MS });
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), COMPLETION_TIMEOUT_MS);
  });
  const fetch = async () =>
    source === 'sites'
      ? (await client.listSites()).map((s) => s.id)
      : (await client.listIncidents({ state: 'open' })).map((i) => i.id);
  try {
    return await Promise.race([fetch().catch(() => []), giveUp]);
  } finally {
    clearTimeout(timer);
    await client.close().catch(() => undefined);
  }
}

export function registerCompleteValues(program: Command, deps: Deps): void {
  program
    .command('__complete', { hidden: true })
    .description('values for shell completion')
    .addArgument(new Argument('<source>').choices(DYNAMIC_SOURCES))
    .action(
      action(deps, async (ctx, source: DynamicSource) => {
        const values = await runCompleteValues(source, ctx);
        if (values.length) ctx.print(values.join('\n'));
      }),
    );
}
