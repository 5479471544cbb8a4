// `incidents resolve ID --summary TEXT` (asked for on a terminal when left out).
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom, textFrom } from './pick.js';

export interface ResolveInput {
  id: string | undefined;
  summary: string | undefined;
}

const EXAMPLE = 'incidents resolve 42 --summary "e-gate 3 rebooted"';

export const incidentsResolve = defineVerb({
  name: 'resolve',
  description: 'close an incident with a summary of what fixed it',
  metadata: { examples: [EXAMPLE] },
  configure: (command) => void command.addArgument(incidentIdArgument()).option('--summary <text>', 'what fixed it'),
  input: ([id]: [string | undefined], options: { summary?: string }): ResolveInput => ({ id, summary: options.summary }),
  async run(input, ctx) {
    const id = await incidentIdFrom(input.id, ctx, EXAMPLE);
    const summary = await textFrom(input.summary, { flag: '--summary', message: 'What fixed it?' }, ctx);
    return ctx.client().resolve(id, summary.trim());
  },
  present: mutationPresenter('resolve'),
});
