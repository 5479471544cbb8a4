// Where the device emulator is and the token its control endpoint takes:
// the URL from --sim > WATCHFLOOR_SIM > the profile's `sim`, the token from
// WATCHFLOOR_SIM_TOKEN > the profile's `simToken` (both stored at every demo
// start). No default URL: an emulator only exists inside a demo hub, on a port
// chosen when it starts.
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { profileName } from '../config/connection.js';
import type { VerbContext } from '../context.js';
import type { SimControl } from './sim-control-module.js';

type SimContext = Pick<VerbContext, 'globals' | 'deps'>;

export interface SimTarget {
  url: string;
  token: string | undefined;
}

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export function resolveSim(flag: string | undefined, ctx: SimContext): SimTarget {
  const { env, config } = ctx.deps;
  const file = config.read();
  const profile = profileName(ctx.globals, env, file);
  const stored = file.profiles?.[profile] ?? {};
  const url = flag || env.WATCHFLOOR_SIM || stored.sim;
  if (!url) {
    throw new UsageError(`no device emulator URL in profile ${profile}`, {
      hint: 'start a demo hub (`watchfloor hub start --demo` stores it), or pass --sim URL / set WATCHFLOOR_SIM',
    });
  }
  // The profile's token opens the profile's emulator only: sent to another
  // URL it would hand the drills to whoever listens there.
  const token = env.WATCHFLOOR_SIM_TOKEN || (stored.sim && sameUrl(url, stored.sim) ? stored.simToken : undefined);
  return { url, token: token || undefined };
}

/** A control client for the verb's --sim flag, closed when the verb ends. */
export async function withSimControl<T>(flag: string | undefined, ctx: SimContext, use: (sim: SimControl) => Promise<T>): Promise<T> {
  const { url, token } = resolveSim(flag, ctx);
  const sim = (await ctx.deps.loadSimControl()).connect(url, token);
  try {
    return await use(sim);
  } finally {
    await sim.close();
  }
}

export function simOption(): Option {
  return new Option('--sim <url>', "the device emulator's URL (also: WATCHFLOOR_SIM; default: the profile's sim)");
}
