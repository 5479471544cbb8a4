// `config get KEY`: the value stored in the selected profile.
import { Argument, type Command } from 'commander';
import { NotFoundError } from '../../core/errors.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { profileName } from './connection.js';
import { CONFIG_KEYS, type ConfigKey } from './store.js';

export interface ConfigGetResult {
  profile: string;
  key: ConfigKey;
  value: string;
}

export function runConfigGet(options: { key: ConfigKey }, ctx: Pick<CommandContext, 'globals' | 'deps'>): ConfigGetResult {
  const config = ctx.deps.config.read();
  const profile = profileName(ctx.globals, ctx.deps.env, config);
  const value = config.profiles?.[profile]?.[options.key];
  if (value === undefined) {
    throw new NotFoundError(`${options.key} is not set in profile ${profile}`, {
      hint: `set it with \`watchfloor config set ${options.key} …\``,
    });
  }
  return { profile, key: options.key, value };
}

export function registerConfigGet(config: Command, deps: Deps): void {
  config
    .command('get')
    .description('print one setting of the profile')
    .addArgument(new Argument('<key>', 'the setting').choices(CONFIG_KEYS))
    .action(
      action(deps, async (ctx, key: ConfigKey) => {
        const result = runConfigGet({ key }, ctx);
        if (ctx.globals.json) ctx.printJson(result);
        else ctx.print(result.value);
      }),
    );
}
