// `config set KEY VALUE` in the selected profile (file mode 0600).
import { Argument, type Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { profileName } from './connection.js';
import { maskToken } from './mask.js';
import { CONFIG_KEYS, SECRET_CONFIG_KEYS, type ConfigKey } from './store.js';
import { validateConfigValue } from './values.js';

export async function runConfigSet(
  options: { key: ConfigKey; value: string },
  ctx: Pick<CommandContext, 'globals' | 'deps'>,
): Promise<{ profile: string; key: ConfigKey }> {
  const value = validateConfigValue(options.key, options.value);
  const store = ctx.deps.config;
  const profile = profileName(ctx.globals, ctx.deps.env, store.read());
  await store.update((config) => ({
    ...config,
    profiles: { ...config.profiles, [profile]: { ...config.profiles?.[profile], [options.key]: value } },
  }));
  return { profile, key: options.key };
}

export function registerConfigSet(config: Command, deps: Deps): void {
  config
    .command('set')
    .description('store a setting in the profile')
    .addArgument(new Argument('<key>', 'the setting').choices(CONFIG_KEYS))
    .argument('<value>', 'its value (hub: an http or https URL)')
    .action(
      action(deps, async (ctx, key: ConfigKey, value: string) => {
        const result = await runConfigSet({ key, value }, ctx);
        if (ctx.globals.json) ctx.printJson(result);
        else ctx.info(`set ${key} in profile ${result.profile}${SECRET_CONFIG_KEYS.has(key) ? ` (${maskToken(value.trim())})` : ''}`);
      }),
    );
}
