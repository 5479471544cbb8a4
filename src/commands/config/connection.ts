// Which hub and token a command uses: flag > environment > profile > default.
import type { Connection } from '../deps.js';
import type { ConfigFile } from './store.js';

export const DEFAULT_HUB = 'http://127.0.0.1:7474';
export const DEFAULT_PROFILE = 'default';

export interface ConnectionFlags {
  hub?: string | undefined;
  token?: string | undefined;
  profile?: string | undefined;
  ca?: string | undefined;
  insecure?: boolean | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

export function profileName(flags: ConnectionFlags, env: Env, config: ConfigFile): string {
  return flags.profile || env.WATCHFLOOR_PROFILE || config.activeProfile || DEFAULT_PROFILE;
}

export function resolveConnection(flags: ConnectionFlags, env: Env, config: ConfigFile): Connection & { profile: string } {
  const profile = profileName(flags, env, config);
  const stored = config.profiles?.[profile] ?? {};
  const ca = flags.ca || env.WATCHFLOOR_CA || stored.ca;
  return {
    profile,
    hubUrl: flags.hub || env.WATCHFLOOR_HUB || stored.hub || DEFAULT_HUB,
    token: flags.token || env.WATCHFLOOR_TOKEN || stored.token || undefined,
    ...(ca ? { ca } : {}),
    ...(flags.insecure ? { insecure: true } : {}),
  };
}
