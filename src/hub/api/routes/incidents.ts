// Incidents: list, show, open by hand, and the officer actions.
import type { FastifyInstance } from 'fastify';
import type { IncidentDetail } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import {
  ackIncident,
  assignIncident,
  createIncident,
  escalateIncident,
  incidentNotFound,
  noteIncident,
  resolveIncident,
} from '../../incidents/incident-actions.js';
import { incidentProposals } from '../../playbooks/proposals.js';
import { callerOf } from '../auth.js';
import {
  AckBody,
  AssignBody,
  CreateIncidentBody,
  EscalateBody,
  IdParams,
  IncidentsQuery,
  NoteBody,
  ResolveBody,
} from '../schemas.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';

export function registerIncidentRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const officer = { config: { role: 'officer' as const } };
  const supervisor = { config: { role: 'supervisor' as const } };
  const idOf = (params: unknown) => parseInput(IdParams, params, 'incident id').id;

  app.get('/v1/incidents', viewer, async (request) => {
    const q = parseInput(IncidentsQuery, request.query, 'query');
    const site = q.site === undefined ? undefined : await siteOrNotFound(ctx.store, q.site);
    const { parent, ...rest } = q;
    return { incidents: await ctx.store.listIncidents({ ...rest, siteId: site?.id, parentId: parent }) };
  });

  app.get('/v1/incidents/:id', viewer, async (request): Promise<IncidentDetail> => {
    const id = idOf(request.params);
    const incident = await ctx.store.getIncident(id);
    if (!incident) throw incidentNotFound(id);
    const playbooks = ctx.playbooks ? await incidentProposals(ctx.store, ctx.playbooks, incident) : [];
    const children = incident.childCount ? await ctx.store.listIncidents({ parentId: incident.id, limit: 1_000 }) : [];
    return { incident, timeline: await ctx.store.listTimeline(incident.id), playbooks, children };
  });

  app.post('/v1/incidents', officer, async (request, reply) => {
    const body = parseInput(CreateIncidentBody, request.body, 'incident');
    return reply.status(201).send(await createIncident(ctx, callerOf(request), body));
  });

  app.post('/v1/incidents/:id/ack', officer, async (request) => {
    parseInput(AckBody, request.body, 'acknowledgement');
    return ackIncident(ctx, callerOf(request), idOf(request.params));
  });

  app.post('/v1/incidents/:id/assign', officer, async (request) => {
    const { to } = parseInput(AssignBody, request.body, 'assignment');
    return assignIncident(ctx, callerOf(request), idOf(request.params), to);
  });

  app.post('/v1/incidents/:id/notes', officer, async (request) => {
    const { text } = parseInput(NoteBody, request.body, 'note');
    return noteIncident(ctx, callerOf(request), idOf(request.params), text);
  });

  app.post('/v1/incidents/:id/escalate', supervisor, async (request) => {
    const { reason } = parseInput(EscalateBody, request.body, 'escalation');
    return escalateIncident(ctx, callerOf(request), idOf(request.params), reason);
  });

  app.post('/v1/incidents/:id/resolve', officer, async (request) => {
    const { summary } = parseInput(ResolveBody, request.body, 'resolution');
    return resolveIncident(ctx, callerOf(request), idOf(request.params), summary);
  });
}
