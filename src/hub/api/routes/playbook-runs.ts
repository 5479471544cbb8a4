// Playbook runs: list and read them (viewers), start one or plan it without
// effects, and steer it (officers). Approving and rejecting an approval step
// take any person's token: the roles the step names decide, in the hub
// (approval-rules.ts), the same for every channel.
import type { FastifyInstance } from 'fastify';
import {
  ConfirmItemsInput,
  ResumeRunInput,
  RetryStepInput,
  RunNoteInput,
  RunReasonInput,
  RunStepInput,
  RunsQuery,
  StartRunInput,
} from '../../../core/model.js';
import type { PlaybookRuns } from '../../playbooks/run-service.js';
import { callerOf } from '../auth.js';
import { IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerPlaybookRunRoutes(app: FastifyInstance, runs: PlaybookRuns): void {
  const viewer = { config: { role: 'viewer' as const } };
  const officer = { config: { role: 'officer' as const } };
  const idOf = (params: unknown) => parseInput(IdParams, params, 'run id').id;

  app.get('/v1/playbook-runs', viewer, async (request) => {
    const q = parseInput(RunsQuery, request.query, 'query');
    return { runs: await runs.list(q) };
  });

  app.get('/v1/playbook-runs/:id', viewer, async (request) => runs.get(idOf(request.params)));

  app.post('/v1/playbook-runs', officer, async (request, reply) => {
    const body = parseInput(StartRunInput, request.body, 'run');
    if (body.dryRun) return { plan: await runs.plan(body) };
    return reply.status(201).send(await runs.start(callerOf(request), body));
  });

  app.post('/v1/playbook-runs/:id/pause', officer, async (request) => {
    const { reason } = parseInput(RunReasonInput, request.body, 'pause');
    return runs.pause(callerOf(request), idOf(request.params), reason);
  });

  app.post('/v1/playbook-runs/:id/resume', officer, async (request) => {
    parseInput(ResumeRunInput, request.body, 'resume');
    return runs.resume(callerOf(request), idOf(request.params));
  });

  app.post('/v1/playbook-runs/:id/abort', officer, async (request) => {
    const { reason } = parseInput(RunReasonInput, request.body, 'abort');
    return runs.abort(callerOf(request), idOf(request.params), reason);
  });

  app.post('/v1/playbook-runs/:id/retry', officer, async (request) => {
    const { step } = parseInput(RetryStepInput, request.body, 'retry');
    return runs.retry(callerOf(request), idOf(request.params), step);
  });

  app.post('/v1/playbook-runs/:id/notes', officer, async (request) => {
    const { text } = parseInput(RunNoteInput, request.body, 'note');
    return runs.note(callerOf(request), idOf(request.params), text);
  });

  app.post('/v1/playbook-runs/:id/confirm', officer, async (request) => {
    const body = parseInput(ConfirmItemsInput, request.body, 'confirmation');
    return runs.confirm(callerOf(request), idOf(request.params), body);
  });

  app.post('/v1/playbook-runs/:id/approve', viewer, async (request) => runs.approve(callerOf(request), idOf(request.params), parseInput(RunStepInput, request.body, 'approval')));

  app.post('/v1/playbook-runs/:id/reject', viewer, async (request) => runs.reject(callerOf(request), idOf(request.params), parseInput(RunStepInput, request.body, 'rejection')));
}
