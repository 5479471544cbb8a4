// Posts the demo world's past (past-flow.ts) to the hub through the ordinary
// telemetry intake, newest hour first: the first batch gives each site its
// latest report, and every older one after it only fills the hourly flow
// history (the intake keeps a report older than a site's latest as history).
// Batches stay within the intake's limit of reports per post.
import type { CoreClient } from '../core/client.js';
import { PAST_FLOW_DAYS, pastFlowReports, type PastFlowOptions } from './past-flow.js';

/** The intake's most reports per post (TelemetryBody). */
const REPORTS_PER_POST = 1_000;

export async function postPastFlow(client: Pick<CoreClient, 'ingestTelemetry'>, options: PastFlowOptions): Promise<{ reports: number; days: number }> {
  const reports = pastFlowReports(options).reverse();
  for (let i = 0; i < reports.length; i += REPORTS_PER_POST) await client.ingestTelemetry(reports.slice(i, i + REPORTS_PER_POST));
  return { reports: reports.length, days: options.days ?? PAST_FLOW_DAYS };
}
