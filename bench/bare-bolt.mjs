#!/usr/bin/env node
// Benchmark helper (not a test): the yardstick bench/bot-ack.mjs measures the
// bot's acks against — a bare Bolt app over HTTP whose /wf listener only acks.
// Same Bolt, same signature check, nothing of ours. Prints one JSON line
// {"url": …/slack/events} once it listens on 127.0.0.1.
//   SLACK_SIGNING_SECRET=… SLACK_API_URL=http://127.0.0.1:…/api/ node bench/bare-bolt.mjs
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
});
app.command('/wf', async ({ ack }) => {
  await ack();
});
const server = await app.start({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/slack/events` }));
process.on('SIGTERM', () => void app.stop());
