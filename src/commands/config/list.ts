// `config list`: every profile, tokens masked, the active one marked.
import { redact } from '../../core/redact.js';
import { defineVerb } from '../verb.js';
import { DEFAULT_PROFILE, profileName } from './connection.js';
import { maskToken } from './mask.js';
import { SECRET_CONFIG_KEYS, type ConfigKey, type Profile } from './store.js';

export interface ConfigListResult {
  activeProfile: string;
  /** The profile this command would use (after --profile and WATCHFLOOR_PROFILE). */
  profile: string;
  profiles: Record<string, Profile>;
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

export const configList = defineVerb({
  name: 'list',
  description: 'all profiles, tokens masked',
  metadata: { examples: ['config list', 'config ls --json'] },
  input: () => ({}),
  async run(_input, ctx): Promise<ConfigListResult> {
    const config = ctx.deps.config.read();
    const profiles: Record<string, Profile> = {};
    for (const [name, p] of Object.entries(config.profiles ?? {})) {
      profiles[name] = Object.fromEntries(
        // A URL stored before they were refused (or by hand) may still hold a password.
        Object.entries(p).map(([key, value]) => [key, !value ? value : SECRET_CONFIG_KEYS.has(key as ConfigKey) ? maskToken(value) : redact(value)]),
      ) as Profile;
    }
    return {
      activeProfile: config.activeProfile ?? DEFAULT_PROFILE,
      profile: profileName(ctx.globals, ctx.deps.env, config),
      profiles,
    };
  },
  present: {
    text: renderConfigList,
    json: (result) => result,
  },
});
