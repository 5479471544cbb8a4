// `dispatch show ID`: the work order as a technician reads it.
import { renderDispatchDetail } from '../../render/dispatch.js';
import { DISPATCH_FIELDS, dispatchJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';
import { dispatchIdArgument, normalizeDispatchId } from './dispatch-id.js';

export const dispatchShow = defineVerb({
  name: 'show',
  description: 'one work order: findings, actions tried, parts likely needed',
  metadata: { examples: ['dispatch show 3', 'dispatch view DSP-000003 --json'] },
  configure: (command) => void command.addArgument(dispatchIdArgument()),
  input: ([id]: [string]) => ({ id }),
  run: async (input, ctx) => ctx.client().getDispatch(normalizeDispatchId(input.id)),
  present: {
    text: (d, view) => renderDispatchDetail(d, view),
    json: (d) => ({ dispatch: dispatchJson(d) }),
    jsonFields: { key: 'dispatch', fields: DISPATCH_FIELDS },
  },
});
