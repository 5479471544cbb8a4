// Where the device emulator is: --sim flag > WATCHFLOOR_SIM > the profile's
// `sim` key (stored at every demo start). It has no default: an emulator only
// exists inside a demo hub, on a port chosen when it starts.
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { profileName } from '../config/connection.js';
import type { VerbContext } from '../context.js';
import type { SimControl } from './sim-control-module.js';

type SimContext = Pick<VerbContext, 'globals' | 'deps'>;

export function resolveSimUrl(flag: string | undefined, ctx: SimContext): string {
  const { env, config } = ctx.deps;
  const file = config.read();
  const profile = profileName(ctx.globals, env, file);
  const url = flag || env.WATCHFLOOR_SIM || file.profiles?.[profile]?.sim;
  if (!url) {
    throw new UsageError(`no device emulator URL in profile ${profile}`, {
      hint: 'start a demo hub (`watchfloor hub start --demo` stores it), or pass --sim URL / set WATCHFLOOR_SIM',
    });
  }
  return url;
}

/** A control client for the verb's --sim flag, closed when the verb ends. */
export async function withSimControl<T>(flag: string | undefined, ctx: SimContext, use: (sim: SimControl) => Promise<T>): Promise<T> {
  const url = resolveSimUrl(flag, ctx);
  const sim = (await ctx.deps.loadSimControl()).connect(url);
  try {
    return await use(sim);
  } finally {
    await sim.close();
  }
}

export function simOption(): Option {
  return new Option('--sim <url>', "the device emulator's URL (also: WATCHFLOOR_SIM; default: the profile's sim)");
}
