// `forecast RUH` asked in Slack: the text reply in the thread, and beside it
// the chart as a PNG uploaded the way files.uploadV2 does it (an upload URL,
// the bytes, completeUploadExternal into the channel and thread) — and when
// the upload is refused, the text still goes out and one line is logged.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../src/core/model.js';
import { eventBody, JSON_TYPE, postSigned, signSlackBody } from '../helpers/slack-signing.js';
import { waitUntil } from '../helpers/wait-until.js';
import { OFFICER, REPLY_WAIT_MS, startSlackBotFixture, type SlackBotFixture } from './slack-fixture.js';

const SECRET = 'test-signing-secret-0123456789';
const HOUR_MS = 3_600_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let fx: SlackBotFixture;
let url: string;

beforeAll(async () => {
  fx = await startSlackBotFixture({ signingSecret: SECRET, host: '127.0.0.1', port: 0 });
  url = (await fx.bot.start()).url!;
  // Two weeks of hourly arrivals at RUH through the real intake, so the hub has something to forecast.
  const feed = await fx.hub.clientAs('intake', 'site-feed');
  const last = Math.floor(Date.parse('2027-01-04T00:00:00.000Z') / HOUR_MS);
  const reports: SiteTelemetry[] = [];
  for (let h = last - 2 * 168; h <= last; h++) {
    const arrivalsPerHour = Math.round(300 + 200 * Math.sin((2 * Math.PI * (h % 24)) / 24));
    reports.push({ siteId: 'RUH', at: new Date(h * HOUR_MS + 600_000).toISOString(), arrivalsPerHour, queueLength: 10, waitMinutes: 4, egatesInService: 4, countersOpen: 3 });
  }
  for (let i = 0; i < reports.length; i += 200) await feed.ingestTelemetry(reports.slice(i, i + 200));
}, 60_000);

afterAll(async () => {
  await fx?.stop();
});

let ts = 1700000100;
async function mention(text: string): Promise<string> {
  const at = `${++ts}.000100`;
  const body = eventBody({ type: 'app_mention', user: OFFICER, text: `<@UBOTWF001> ${text}`, ts: at, channel: 'C0OPS', event_ts: at });
  expect(await postSigned(url, signSlackBody(SECRET, body, JSON_TYPE))).toBe(200);
  return at;
}

const replyIn = (thread: string) => fx.slack.successfulPosts().find((c) => c.args.channel === 'C0OPS' && c.args.thread_ts === thread);

describe('forecast chart in Slack', () => {
  it('uploads the forecast as a PNG into the thread, beside the text reply', async () => {
    const thread = await mention('forecast RUH --hours 12');
    const file = await waitUntil(() => fx.slack.files.find((f) => f.threadTs === thread), { what: 'the chart uploaded into the thread', timeoutMs: REPLY_WAIT_MS });
    expect(JSON.stringify(replyIn(thread)?.args.blocks)).toContain('arrivalsPerHour');
    expect(file).toMatchObject({ channel: 'C0OPS', filename: 'forecast-RUH.png', title: 'RUH arrivals per hour' });
    expect(file.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const png = PNG.sync.read(file.bytes);
    expect([png.width, png.height]).toEqual([720, 300]);
    // A drawn chart, not a blank page: some pixels carry the bars' colour.
    let barPixels = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 33 && png.data[i + 1] === 113 && png.data[i + 2] === 181) barPixels++;
    expect(barPixels).toBeGreaterThan(1000);
    // The stand-in took the same bytes at its upload URL that the completed file holds.
    const uploads = fx.slack.callsOf('file_upload');
    expect(uploads.at(-1)).toMatchObject({ status: 200, ok: true });
    expect(fx.slack.callsOf('files.getUploadURLExternal').at(-1)?.args).toMatchObject({ filename: 'forecast-RUH.png', length: String(file.bytes.length) });
  });

  it('when the upload is refused (no files:write), the text reply still arrives and one line without the token is logged', async () => {
    fx.slack.failUploads('missing_scope');
    try {
      const filesBefore = fx.slack.files.length;
      const thread = await mention('forecast RUH --hours 6');
      await waitUntil(() => replyIn(thread), { what: 'the text reply in the thread', timeoutMs: REPLY_WAIT_MS });
      const logged = await waitUntil(() => fx.logs.find((l) => l.startsWith('Slack chart upload failed')), { what: 'the upload failure logged', timeoutMs: REPLY_WAIT_MS });
      expect(logged).toBe('Slack chart upload failed: missing_scope (the Slack app needs the files:write scope); the text reply went out without it');
      expect(fx.logs.join('\n')).not.toContain('xoxb-');
      expect(fx.slack.files.length).toBe(filesBefore);
      expect(JSON.stringify(replyIn(thread)?.args.blocks)).toContain('arrivalsPerHour');
    } finally {
      fx.slack.failUploads(undefined);
    }
  });

  it('a reply without a chart uploads nothing', async () => {
    const filesBefore = fx.slack.callsOf('files.getUploadURLExternal').length;
    const thread = await mention('status RUH');
    await waitUntil(() => replyIn(thread), { what: 'the status reply', timeoutMs: REPLY_WAIT_MS });
    expect(fx.slack.callsOf('files.getUploadURLExternal').length).toBe(filesBefore);
  });
});
