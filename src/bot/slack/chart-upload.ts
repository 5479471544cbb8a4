// A reply's chart, uploaded beside its text (files.uploadV2: an upload URL, the
// bytes, then completeUploadExternal into the channel and thread). The text
// has gone out already and says the same, so a failed upload (no files:write
// scope, Slack unreachable) costs only the picture: one log line, no token.
import type { WebClient } from '@slack/web-api';
import { redact } from '../../core/redact.js';
import type { ReplyChart } from '../reply.js';
import { classifySlackFailure } from '../slack-failures.js';

export interface ChartPlace {
  channel: string;
  /** The thread the text reply went to; none in a DM. */
  threadTs?: string | undefined;
}

// Slack shows a file's name and title as text; a site id is the hub's, kept to safe characters anyway.
const safeName = (id: string) => id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 32) || 'site';

export async function uploadChart(client: WebClient, chart: ReplyChart | undefined, place: ChartPlace, log: (line: string) => void): Promise<void> {
  if (!chart) return;
  const site = safeName(chart.forecast.siteId);
  try {
    // The encoder loads with the first chart, never in the CLI.
    const { forecastPng } = await import('./forecast-png.js');
    const file = {
      file: forecastPng(chart.forecast),
      filename: `forecast-${site}.png`,
      title: `${site} arrivals per hour`,
      alt_text: `${site} arrivals per hour for the next ${chart.forecast.hours.length} hours, with the prediction interval`,
    };
    await client.filesUploadV2(place.threadTs ? { ...file, channel_id: place.channel, thread_ts: place.threadTs } : { ...file, channel_id: place.channel });
  } catch (e) {
    const { reason } = classifySlackFailure(e);
    const hint = reason === 'missing_scope' || reason === 'not_allowed_token_type' ? ' (the Slack app needs the files:write scope)' : '';
    log(redact(`Slack chart upload failed: ${reason}${hint}; the text reply went out without it`));
  }
}
