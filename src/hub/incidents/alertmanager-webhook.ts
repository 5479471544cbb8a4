// The Alertmanager webhook body (version 4, as Alertmanager 0.25 and Grafana
// send it). Unknown fields are ignored, not rejected: Grafana adds its own.
import { z } from 'zod';

export const WebhookAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).optional(),
});
export type WebhookAlert = z.infer<typeof WebhookAlert>;

export const AlertmanagerWebhook = z.object({
  version: z.string().optional(),
  groupKey: z.string().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  alerts: z.array(WebhookAlert),
});
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhook>;
