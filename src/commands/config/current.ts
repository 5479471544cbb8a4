// `config current`: which profile commands use now, and why (kubectl's
// `config current-context`): a flag, WATCHFLOOR_PROFILE, the stored choice, or the default.
import { defineVerb } from '../verb.js';
import { DEFAULT_PROFILE, profileName } from './connection.js';

export interface CurrentProfile {
  profile: string;
  source: 'flag' | 'environment' | 'config' | 'default';
  exists: boolean;
}

export const configCurrent = defineVerb({
  name: 'current',
  description: 'the profile in use, and where that choice comes from',
  metadata: { examples: ['config current', 'config current --json'] },
  input: () => ({}),
  async run(_input, ctx): Promise<CurrentProfile> {
    const config = ctx.deps.config.read();
    const profile = profileName({ profile: ctx.globals.profile }, ctx.deps.env, config);
    const source = ctx.globals.profile ? 'flag' : ctx.deps.env.WATCHFLOOR_PROFILE ? 'environment' : config.activeProfile ? 'config' : 'default';
    return { profile, source, exists: profile === DEFAULT_PROFILE || Boolean(config.profiles?.[profile]) };
  },
  present: {
    text: (current) => current.profile,
    note: (current) => (current.source === 'config' || current.source === 'default' ? undefined : `(from ${current.source === 'flag' ? '--profile' : 'WATCHFLOOR_PROFILE'})`),
    json: (current) => current,
  },
});
