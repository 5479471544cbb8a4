// Posts the demo world's past (past-flow.ts) to the hub through the ordinary
// telemetry intake, newest hour first: the first batch gives each site its
// latest report, and every older one after it only fills the hourly flow
// history (the intake keeps a report older than a site's latest as history,
// so the live run's reports, coming in meanwhile, stay the latest). It runs
// beside a hub that is already serving: the past is simulated in slices and
// posted in batches, the event loop given back between each, so requests
// wait for one slice at most, never for the whole past. Batches stay within
// the intake's limit of reports per post.
import type { CoreClient } from '../core/client.js';
import { PAST_FLOW_DAYS, pastFlowSlices, type PastFlowOptions } from './past-flow.js';

/** Reports per post: a quarter of the intake's limit (TelemetryBody), so one post's transaction holds the hub briefly. */
const REPORTS_PER_POST = 250;

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves once the past is in, or as soon as `signal` aborts (with what was posted by then). */
export async function postPastFlow(client: Pick<CoreClient, 'ingestTelemetry'>, options: PastFlowOptions & { signal?: AbortSignal }): Promise<{ reports: number; days: number }> {
  const { signal, ...past } = options;
  const reports = [];
  for (const slice of pastFlowSlices(past)) {
    reports.push(...slice);
    await yieldToRequests();
    if (signal?.aborted) return { reports: 0, days: 0 };
  }
  reports.reverse();
  let posted = 0;
  for (let i = 0; i < reports.length && !signal?.aborted; i += REPORTS_PER_POST) {
    const batch = reports.slice(i, i + REPORTS_PER_POST);
    await client.ingestTelemetry(batch);
    posted += batch.length;
  }
  return { reports: posted, days: options.days ?? PAST_FLOW_DAYS };
}
