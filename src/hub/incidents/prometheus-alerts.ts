// Alertmanager's own alert API, POST /api/v2/alerts (postableAlerts in its
// api/v2/openapi.yaml): the body Prometheus sends an Alertmanager, so a
// Prometheus can point straight at the hub. It differs from the webhook:
// a bare array, no status (an alert whose endsAt has passed is resolved) and
// no fingerprint (alertFingerprint derives Alertmanager's own). Checked as
// Alertmanager 0.25 checks it, but a bad alert refuses the whole request, so
// a 400 stores nothing rather than some of it.
import { z } from 'zod';
import type { AlertmanagerWebhook, WebhookAlert } from './alertmanager-webhook.js';

// Go's zero time.Time: how a Go client may spell a time it leaves unset.
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

const time = z
  .iso.datetime({ offset: true })
  .nullish()
  .transform((t) => (t && Date.parse(t) !== GO_ZERO_TIME ? t : undefined));

const PostableAlert = z
  .object({
    // Alertmanager drops labels with an empty value before anything else (Prometheus treats them as absent).
    labels: z.record(z.string(), z.string()).transform((ls) => Object.fromEntries(Object.entries(ls).filter(([, v]) => v !== ''))),
    annotations: z.record(z.string(), z.string()).nullish().transform((a) => a ?? {}),
    startsAt: time,
    endsAt: time,
    generatorURL: z.string().nullish().transform((u) => u || undefined),
  })
  .refine((a) => Object.keys(a.labels).length > 0, { path: ['labels'], message: 'at least one label pair required' })
  .refine((a) => !a.startsAt || !a.endsAt || Date.parse(a.startsAt) <= Date.parse(a.endsAt), {
    path: ['endsAt'],
    message: 'start time must be before end time',
  });

export const PostableAlerts = z.array(PostableAlert);
export type PostableAlerts = z.output<typeof PostableAlerts>;

/** The alerts as the webhook carries them, resolved when their endsAt is not after `now` (as Alertmanager decides). */
export function webhookOfPostableAlerts(alerts: PostableAlerts, now: Date): AlertmanagerWebhook {
  return {
    alerts: alerts.map(
      (a): WebhookAlert => ({
        ...a,
        status: a.endsAt !== undefined && Date.parse(a.endsAt) <= now.getTime() ? 'resolved' : 'firing',
      }),
    ),
  };
}
