// Machine intake: Alertmanager (or Grafana) alerts and site telemetry.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import { ingestAlertmanager } from '../../incidents/alert-intake.js';
import { AlertmanagerWebhook } from '../../incidents/alertmanager-webhook.js';
import { ingestTelemetry } from '../../telemetry/telemetry-intake.js';
import { callerOf } from '../auth.js';
import { TelemetryBody } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerIngestRoutes(app: FastifyInstance, ctx: HubContext): void {
  const officer = { config: { role: 'officer' as const } };

  app.post('/v1/ingest/alertmanager', officer, async (request) => {
    const webhook = parseInput(AlertmanagerWebhook, request.body, 'Alertmanager webhook');
    const result = await ingestAlertmanager(ctx, callerOf(request), webhook);
    ctx.metrics.countAlerts('created', result.created.length);
    ctx.metrics.countAlerts('updated', result.updated.length);
    ctx.metrics.countAlerts('resolved', result.resolved.length);
    ctx.metrics.countAlerts('ignored', result.ignored);
    return result;
  });

  app.post('/v1/ingest/telemetry', officer, async (request) => {
    const { sites } = parseInput(TelemetryBody, request.body, 'telemetry');
    return { accepted: await ingestTelemetry(ctx, sites) };
  });
}
