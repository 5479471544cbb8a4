// `dispatch list [--state open|closed|all] [--site S]`: work orders, open ones by default.
import { Option } from 'commander';
import { DISPATCH_STATES, type DispatchState } from '../../core/vocabulary.js';
import { renderDispatchTable } from '../../render/dispatch.js';
import { DISPATCH_FIELDS, dispatchJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';

export interface DispatchListInput {
  state: DispatchState | 'all';
  site: string | undefined;
}

export const dispatchList = defineVerb({
  name: 'list',
  description: 'work orders for technicians (open ones unless --state says otherwise)',
  metadata: { examples: ['dispatch list', 'dispatch list --site DMM --state all', 'dispatch ls --json id,siteId,state'] },
  configure(command) {
    command
      .addOption(new Option('--state <state>', 'open, closed or all').choices([...DISPATCH_STATES, 'all']).default('open'))
      .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'));
  },
  input: (_args: [], { state, site }: DispatchListInput): DispatchListInput => ({ state, site }),
  async run(input, ctx) {
    const client = ctx.client();
    const site = input.site === undefined ? undefined : (await client.findSite(input.site)).id;
    return client.listDispatches({ state: input.state === 'all' ? undefined : input.state, site });
  },
  present: {
    text: (list, view) => (list.length ? renderDispatchTable(list, view) : ''),
    note: (list) => (list.length ? undefined : 'no dispatches match'),
    json: (list) => ({ dispatches: list.map(dispatchJson) }),
    jsonFields: { key: 'dispatches', fields: DISPATCH_FIELDS },
  },
});
