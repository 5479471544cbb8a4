// The alert intake as one pipeline per hub, the way every sender's alerts go:
// parse (the route, against the sender's schema) → queue (intake-queue.ts:
// bounded, group commit) → map onto the inventory (alert-places.ts, compiled
// per inventory revision) → dedupe and apply in one transaction
// (alert-intake.ts) → publish after commit (transact). Another sender's format
// (Alertmanager's v2 API, Grafana's webhook) is a parser in front of submit;
// grouping and silences are steps of the apply.
import type { AlertmanagerIngestResult } from '../../core/model.js';
import { UnavailableError } from '../../core/errors.js';
import type { Caller } from '../caller.js';
import type { HubMetrics } from '../metrics.js';
import type { AlertmanagerWebhook } from './alertmanager-webhook.js';
import { ingestAlertDeliveries, type AlertDelivery } from './alert-intake.js';
import { DEFAULT_GROUPING_RULES, type GroupingRules } from './alert-grouping.js';
import { alertPlacesCache } from './alert-places.js';
import type { IncidentDeps } from './incident-actions.js';
import { createIntakeQueue, DEFAULT_INTAKE_LIMITS, type IntakeQueueLimits } from './intake-queue.js';

export interface AlertPipeline {
  /** Resolves once the alerts are committed; throws UnavailableError (503, Retry-After) when they cannot be. */
  submit(caller: Caller, webhook: AlertmanagerWebhook): Promise<AlertmanagerIngestResult>;
}

export function createAlertPipeline(
  deps: IncidentDeps & { metrics: HubMetrics; grouping?: Partial<GroupingRules> | undefined },
  limits: Partial<IntakeQueueLimits> = {},
): AlertPipeline {
  const rules: GroupingRules = { ...DEFAULT_GROUPING_RULES, ...deps.grouping };
  const places = alertPlacesCache();
  const { metrics } = deps;
  const queue = createIntakeQueue<AlertDelivery, AlertmanagerIngestResult>(
    (deliveries) => ingestAlertDeliveries(deps, places, deliveries, rules, (kind, n) => metrics.countAlertsGrouped(kind, n)),
    { ...DEFAULT_INTAKE_LIMITS, ...limits },
    { refused: () => metrics.countIntakeRejected('queue_full'), committed: (n) => metrics.observeIntakeCommit(n) },
  );
  metrics.readIntakeDepth(queue.depth);
  return {
    async submit(caller, webhook) {
      let result: AlertmanagerIngestResult;
      try {
        result = await queue.submit({ caller, webhook }, webhook.alerts.length);
      } catch (e) {
        if (e instanceof UnavailableError && e.details.storage !== undefined) metrics.countIntakeRejected('storage');
        throw e;
      }
      metrics.countAlertsReceived(webhook.alerts.length);
      metrics.countAlerts('created', result.created.length);
      metrics.countAlerts('updated', result.updated.length);
      metrics.countAlerts('resolved', result.resolved.length);
      metrics.countAlerts('ignored', result.ignored);
      return result;
    },
  };
}
