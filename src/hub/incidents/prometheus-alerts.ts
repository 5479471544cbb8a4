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

/** The instant a time names, or undefined when it is unset. */
const instant = (t: string | null | undefined): number | undefined => {
  const ms = t ? Date.parse(t) : undefined;
  return ms === GO_ZERO_TIME ? undefined : ms;
};

// Alertmanager drops labels with an empty value before anything else (Prometheus treats them as absent).
const nonEmpty = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== ''));

const time = z.iso.datetime({ offset: true }).nullish();
const Labels = z.record(z.string(), z.string());

// No transforms in the schema: zod's transforms cost the intake ten times the parse; conversion is plain code below.
export const PostableAlerts = z
  .array(z.object({ labels: Labels, annotations: Labels.nullish(), startsAt: time, endsAt: time, generatorURL: z.string().nullish() }))
  .superRefine((alerts, ctx) => {
    alerts.forEach((a, i) => {
      if (!Object.values(a.labels).some((v) => v !== '')) ctx.addIssue({ code: 'custom', path: [i, 'labels'], message: 'at least one label pair required' });
      const [start, end] = [instant(a.startsAt), instant(a.endsAt)];
      if (start !== undefined && end !== undefined && end < start) ctx.addIssue({ code: 'custom', path: [i, 'endsAt'], message: 'start time must be before end time' });
    });
  });
export type PostableAlerts = z.output<typeof PostableAlerts>;

// The storm's hot path: a hand check with PostableAlerts' verdict (test/hub/prometheus-alerts.test.ts holds
// them to it) at a fraction of zod's cost per alert. Only a body it refuses goes through zod, for the 400's words.
const TIME = z.regexes.datetime({ offset: true });
const plain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const labelsOk = (v: unknown): v is Record<string, string> => plain(v) && Object.values(v).every((x) => typeof x === 'string');
const nullish = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || v === null || ok(v);
const timeOk = (v: unknown) => typeof v === 'string' && TIME.test(v);

function postableAlertOk(a: unknown): boolean {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return false;
  const { labels, annotations, startsAt, endsAt, generatorURL } = a as Record<string, unknown>;
  if (!labelsOk(labels) || !Object.values(labels).some((v) => v !== '')) return false;
  if (!nullish(annotations, labelsOk) || !nullish(startsAt, timeOk) || !nullish(endsAt, timeOk) || !nullish(generatorURL, (v) => typeof v === 'string')) return false;
  const [start, end] = [instant(startsAt as string | null | undefined), instant(endsAt as string | null | undefined)];
  return start === undefined || end === undefined || end >= start;
}

/** Whether PostableAlerts would take `body` — the same verdict, without zod's cost per alert. */
export const isPostableAlerts = (body: unknown): body is PostableAlerts => Array.isArray(body) && body.every(postableAlertOk);

/** The alerts as the webhook carries them, resolved when their endsAt is not after `now` (as Alertmanager decides). */
export function webhookOfPostableAlerts(alerts: PostableAlerts, now: Date): AlertmanagerWebhook {
  return {
    alerts: alerts.map((a): WebhookAlert => {
      const end = instant(a.endsAt);
      return {
        status: end !== undefined && end <= now.getTime() ? 'resolved' : 'firing',
        labels: nonEmpty(a.labels),
        annotations: a.annotations ?? {},
        ...(instant(a.startsAt) !== undefined ? { startsAt: a.startsAt! } : {}),
        ...(end !== undefined ? { endsAt: a.endsAt! } : {}),
        ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
      };
    }),
  };
}
