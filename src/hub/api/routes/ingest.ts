// Machine intake: Alertmanager (or Grafana) alerts and site telemetry. Only
// intake tokens post here: an alert opens, raises and clears incidents, so a
// person's token posting one would be a way round the rules that refuse them
// a resolve or an escalation.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import { createAlertPipeline } from '../../incidents/alert-pipeline.js';
import { AlertmanagerWebhook } from '../../incidents/alertmanager-webhook.js';
import type { IntakeQueueLimits } from '../../incidents/intake-queue.js';
import { ingestTelemetry } from '../../telemetry/telemetry-intake.js';
import { callerOf } from '../auth.js';
import { TelemetryBody } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerIngestRoutes(app: FastifyInstance, ctx: HubContext, limits: Partial<IntakeQueueLimits> = {}): void {
  const intake = { config: { role: 'intake' as const } };
  const alerts = createAlertPipeline(ctx, limits);

  app.post('/v1/ingest/alertmanager', intake, async (request) => {
    const webhook = parseInput(AlertmanagerWebhook, request.body, 'Alertmanager webhook');
    return alerts.submit(callerOf(request), webhook);
  });

  app.post('/v1/ingest/telemetry', intake, async (request) => {
    const { sites } = parseInput(TelemetryBody, request.body, 'telemetry');
    return { accepted: await ingestTelemetry(ctx, sites) };
  });
}
