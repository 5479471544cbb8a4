// After a hub creates its first admin token, the CLI on this machine should
// just work: store the hub's URL and that token in a profile. A demo hub's
// device emulator moves to a new port and draws a new control token at every
// start, so its URL (`sim`) and token (`simToken`) are stored every time.
import type { VerbContext } from '../context.js';
import type { Profile } from '../config/store.js';

export async function saveHubProfile(
  ctx: Pick<VerbContext, 'deps'>,
  profile: string,
  values: Profile,
  options: { activate?: boolean } = {},
): Promise<void> {
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Profile;
  await ctx.deps.config.update((config) => ({
    ...config,
    ...(options.activate ? { activeProfile: profile } : {}),
    profiles: { ...config.profiles, [profile]: { ...config.profiles?.[profile], ...given } },
  }));
}
