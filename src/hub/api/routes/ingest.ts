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
import type { Caller } from '../../caller.js';
import type { AlertPipeline, Confirmation } from '../../incidents/alert-pipeline.js';
import { AlertmanagerWebhook } from '../../incidents/alertmanager-webhook.js';
import { isPostableAlerts, PostableAlerts, webhookOfPostableAlerts } from '../../incidents/prometheus-alerts.js';
import { ingestTelemetry } from '../../telemetry/telemetry-intake.js';
import { callerOf } from '../auth.js';
import { TelemetryBody } from '../schemas.js';
import { parseInput } from '../validate.js';

/**
 * A body posted to POST /api/v2/alerts, checked and taken into the journal; resolves once it is on disk.
 * The route and the fast intake ahead of fastify (fast-alert-intake.ts) both take it here, so they decide alike.
 */
export async function takePostableAlerts(alerts: AlertPipeline, caller: Caller, body: unknown, now: Date): Promise<void> {
  const posted = isPostableAlerts(body) ? body : parseInput(PostableAlerts, body, 'Alertmanager v2 alerts');
  await alerts.submit(caller, webhookOfPostableAlerts(posted, now));
}

/**
 * As takePostableAlerts, for a body read as `text` and parsed (the fast path: fast-alert-intake.ts): the
 * text is journaled as it came, with no alert turned into the webhook's, nor written out again, before the answer.
 * `confirm` (the caller's token) is awaited before anything of it is stored or refused.
 */
export async function takePostableText(alerts: AlertPipeline, caller: Caller, body: unknown, text: string, now: Date, confirm?: Confirmation): Promise<void> {
  if (isPostableAlerts(body)) return alerts.submitPostable(caller, text, body.length, confirm);
  await confirm?.();
  await takePostableAlerts(alerts, caller, body, now); // refused, in zod's words
}

/** The intake routes, over the hub's one alert pipeline (buildApp makes it, and closes it with the app). */
export function registerIngestRoutes(app: FastifyInstance, ctx: HubContext, alerts: AlertPipeline): void {
  const intake = { config: { role: 'intake' as const } };

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
    await takePostableAlerts(alerts, callerOf(request), request.body, ctx.now());
    return reply.status(200).send();
  });

  app.post('/v1/ingest/telemetry', intake, async (request) => {
    const { sites } = parseInput(TelemetryBody, request.body, 'telemetry');
    return { accepted: await ingestTelemetry(ctx, sites) };
  });
}
