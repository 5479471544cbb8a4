// After a hub creates its first admin token, the CLI on this machine should
// just work: store the hub's URL and that token in a profile.
import type { CommandContext } from '../context.js';

export async function saveHubProfile(
  ctx: Pick<CommandContext, 'deps'>,
  profile: string,
  hub: { url: string; token: string },
  options: { activate?: boolean } = {},
): Promise<void> {
  await ctx.deps.config.update((config) => ({
    ...config,
    ...(options.activate ? { activeProfile: profile } : {}),
    profiles: { ...config.profiles, [profile]: { ...config.profiles?.[profile], hub: hub.url, token: hub.token } },
  }));
}
