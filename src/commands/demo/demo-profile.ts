// The demo borrows the active profile only while it runs: its hub and token die
// with it, so a profile left pointing at them would break the next `status`.
import type { Profile } from '../config/store.js';
import type { VerbContext } from '../context.js';
import { saveHubProfile } from '../hub/profile.js';

/**
 * Make `name` the active profile with the demo hub's values; the function it
 * returns puts back the active profile and `name`'s old values (none: removed).
 * Someone who switched to another profile meanwhile keeps their choice.
 */
export async function borrowProfile(ctx: Pick<VerbContext, 'deps'>, name: string, values: Profile): Promise<{ previous: string | undefined; restore(): Promise<void> }> {
  const before = ctx.deps.config.read();
  const previousActive = before.activeProfile;
  const previousValues = before.profiles?.[name];
  await saveHubProfile(ctx, name, values, { activate: true });
  return {
    previous: previousActive,
    restore: () =>
      ctx.deps.config.update((config) => {
        const profiles = { ...config.profiles };
        if (previousValues) profiles[name] = previousValues;
        else delete profiles[name];
        const next = { ...config, profiles };
        if (config.activeProfile !== name) return next;
        if (previousActive === undefined) delete next.activeProfile;
        else next.activeProfile = previousActive;
        return next;
      }),
  };
}
