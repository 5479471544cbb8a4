// Machine intake: alerts from Alertmanager's webhook, Prometheus (as if the
// hub were its Alertmanager) and Grafana's webhook, and site telemetry. Only
// intake tokens post here: an alert opens, raises and clears incidents, so a
// person's token posting one would be a way round the rules that refuse them
// a resolve or an escalation. Each sender's format is parsed here into the
// webhook's alerts; from there they share one pipeline, mapping and dedup.
// Prometheus reads nothing back: it is answered once the alerts are in the
// journal. The webhook's answer names what the alerts did (docs/json.md,
// docs/alerting.md; Grafana's shares it), so those wait until they are applied.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import { createAlertPipeline, type IntakeLimits } from '../../incidents/alert-pipeline.js';
import { AlertmanagerWebhook } from '../../incidents/alertmanager-webhook.js';
import { isPostableAlerts, PostableAlerts, webhookOfPostableAlerts } from '../../incidents/prometheus-alerts.js';
import { ingestTelemetry } from '../../telemetry/telemetry-intake.js';
import { callerOf } from '../auth.js';
import { TelemetryBody } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerIngestRoutes(app: FastifyInstance, ctx: HubContext, limits: Partial<IntakeLimits> = {}): void {
  const intake = { config: { role: 'intake' as const } };
  const alerts = createAlertPipeline(ctx, limits);
  app.addHook('onClose', () => alerts.close());

  app.post('/v1/ingest/alertmanager', intake, async (request) => {
    const webhook = parseInput(AlertmanagerWebhook, request.body, 'Alertmanager webhook');
    return alerts.submit(callerOf(request), webhook, { outcome: true });
  });

  // Grafana's alerting webhook is Alertmanager's (version "1", with Grafana's own fields beside, ignored).
  // Grafana reads only the status, but the answer is the webhook's, documented (docs/alerting.md): it waits too.
  app.post('/v1/ingest/grafana', intake, async (request) => {
    const webhook = parseInput(AlertmanagerWebhook, request.body, 'Grafana webhook');
    return alerts.submit(callerOf(request), webhook, { outcome: true });
  });

  // Answered as Alertmanager answers it (200, empty body): Prometheus reads nothing more.
  app.post('/api/v2/alerts', intake, async (request, reply) => {
    const posted = isPostableAlerts(request.body) ? request.body : parseInput(PostableAlerts, request.body, 'Alertmanager v2 alerts');
    await alerts.submit(callerOf(request), webhookOfPostableAlerts(posted, ctx.now()));
    return reply.status(200).send();
  });

  app.post('/v1/ingest/telemetry', intake, async (request) => {
    const { sites } = parseInput(TelemetryBody, request.body, 'telemetry');
    return { accepted: await ingestTelemetry(ctx, sites) };
  });
}
