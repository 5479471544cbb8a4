// `config list`: every profile, tokens masked, the active one marked.
import type { Command } from 'commander';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { DEFAULT_PROFILE, profileName } from './connection.js';
import { maskToken } from './mask.js';
import { SECRET_CONFIG_KEYS, type ConfigKey, type Profile } from './store.js';

export interface ConfigListResult {
  activeProfile: string;
  /** The profile this command would use (after --profile and WATCHFLOOR_PROFILE). */
  profile: string;
  profiles: Record<string, Profile>;
}

export function runConfigList(ctx: Pick<CommandContext, 'globals' | 'deps'>): ConfigListResult {
  const config = ctx.deps.config.read();
  const profiles: Record<string, Profile> = {};
  for (const [name, p] of Object.entries(config.profiles ?? {})) {
    profiles[name] = Object.fromEntries(
      Object.entries(p).map(([key, value]) => [key, SECRET_CONFIG_KEYS.has(key as ConfigKey) && value ? maskToken(value) : value]),
    ) as Profile;
  }
  return {
    activeProfile: config.activeProfile ?? DEFAULT_PROFILE,
    profile: profileName(ctx.globals, ctx.deps.env, config),
    profiles,
  };
}

export function renderConfigList(result: ConfigListResult): string {
  const names = Object.keys(result.profiles);
  if (!names.length) return `no profiles yet (the ${result.profile} profile is used)`;
  return names
    .sort()
    .flatMap((name) => {
      const marks = [name === result.activeProfile ? 'active' : '', name === result.profile && name !== result.activeProfile ? 'selected' : '']
        .filter(Boolean)
        .join(', ');
      const p = result.profiles[name]!;
      return [
        `${name}${marks ? ` (${marks})` : ''}`,
        ...Object.entries(p).map(([k, v]) => `  ${k.padEnd(6)} ${v}`),
      ];
    })
    .join('\n');
}

export function registerConfigList(config: Command, deps: Deps): void {
  config
    .command('list')
    .description('all profiles, tokens masked')
    .action(
      action(deps, async (ctx) => {
        const result = runConfigList(ctx);
        if (ctx.globals.json) ctx.printJson(result);
        else ctx.print(renderConfigList(result));
      }),
    );
}
