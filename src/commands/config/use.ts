// `config use NAME`: the profile commands use from now on.
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export async function runConfigUse(options: { name: string }, ctx: Pick<CommandContext, 'deps'>): Promise<{ activeProfile: string; exists: boolean }> {
  const name = options.name.trim();
  if (!/^[\w.-]+$/.test(name)) throw new UsageError(`not a profile name: ${options.name}`, { hint: 'letters, digits, . _ and -' });
  const exists = Boolean(ctx.deps.config.read().profiles?.[name]);
  await ctx.deps.config.update((config) => ({ ...config, activeProfile: name }));
  return { activeProfile: name, exists };
}

export function registerConfigUse(config: Command, deps: Deps): void {
  config
    .command('use')
    .description('switch the active profile')
    .argument('<name>', 'profile name')
    .action(
      action(deps, async (ctx, name: string) => {
        const result = await runConfigUse({ name }, ctx);
        if (ctx.globals.json) ctx.printJson(result);
        else ctx.info(`active profile: ${result.activeProfile}${result.exists ? '' : ' (no settings yet; `watchfloor config set hub …`)'}`);
      }),
    );
}
