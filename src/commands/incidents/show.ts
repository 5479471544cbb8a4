// `incidents show ID`: the incident and its timeline.
import { renderIncidentDetail } from '../../render/incidents.js';
import { INCIDENT_FIELDS, incidentDetailJson } from '../../render/json.js';
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { incidentIdFrom } from './pick.js';

const EXAMPLE = 'incidents show 42';

export const incidentsShow = defineVerb({
  name: 'show',
  description: 'one incident with its timeline',
  metadata: { examples: [EXAMPLE, 'incidents view inc-42 --json id,title,state'] },
  configure: (command) => void command.addArgument(incidentIdArgument()),
  input: ([id]: [string | undefined]) => ({ id }),
  run: async (input, ctx) => ctx.client().getIncident(await incidentIdFrom(input.id, ctx, EXAMPLE)),
  present: {
    text: (detail, view) => renderIncidentDetail(detail, view),
    json: (detail) => incidentDetailJson(detail),
    jsonFields: { key: 'incident', fields: INCIDENT_FIELDS },
  },
});
