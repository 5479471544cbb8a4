// Machine intake: Alertmanager (or Grafana) alerts and site telemetry. Only
// intake tokens post here: an alert opens, raises and clears incidents, so a
// person's token posting one would be a way round the rules that refuse them
// a resolve or an escalation.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import { ingestAlertmanager } from '../../incidents/alert-intake.js';
import { AlertmanagerWebhook } from '../../incidents/alertmanager-webhook.js';
import { ingestTelemetry } from '../../telemetry/telemetry-intake.js';
import { callerOf } from '../auth.js';
import { TelemetryBody } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerIngestRoutes(app: FastifyInstance, ctx: HubContext): void {
  const intake = { config: { role: 'intake' as const } };

  app.post('/v1/ingest/alertmanager', intake, async (request) => {
    const webhook = parseInput(AlertmanagerWebhook, request.body, 'Alertmanager webhook');
    const result = await ingestAlertmanager(ctx, callerOf(request), webhook);
    ctx.metrics.countAlerts('created', result.created.length);
    ctx.metrics.countAlerts('updated', result.updated.length);
    ctx.metrics.countAlerts('resolved', result.resolved.length);
    ctx.metrics.countAlerts('ignored', result.ignored);
    return result;
  });

  app.post('/v1/ingest/telemetry', intake, async (request) => {
    const { sites } = parseInput(TelemetryBody, request.body, 'telemetry');
    return { accepted: await ingestTelemetry(ctx, sites) };
  });
}
