// Signed requests as Slack sends them to the bot (v0 signatures over
// `v0:<timestamp>:<body>` with the app's signing secret), for tests and benches.
// The payload builders serve Socket Mode too, whose envelopes carry the same payloads.
import { createHmac } from 'node:crypto';
import { request } from 'undici';

export interface SignedPost {
  body: string;
  contentType: string;
  timestamp: number;
  signature: string;
}

export function signSlackBody(secret: string, body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): SignedPost {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { body, contentType, timestamp, signature };
}

export interface SlashCommandFields {
  text: string;
  userId: string;
  responseUrl: string;
}

/** A /wf command's fields as Slack sends them: form-encoded over HTTP, a JSON payload over Socket Mode. */
export const slashCommandPayload = (fields: SlashCommandFields): Record<string, string> => ({
  token: 'legacy-unused',
  team_id: 'TWATCHFL0',
  team_domain: 'watchfloor',
  channel_id: 'C0OPS',
  channel_name: 'ops',
  user_id: fields.userId,
  user_name: fields.userId.toLowerCase(),
  command: '/wf',
  text: fields.text,
  api_app_id: 'A0WATCHFL',
  response_url: fields.responseUrl,
  trigger_id: '1.2.3',
});

export const slashCommandBody = (fields: SlashCommandFields): string => new URLSearchParams(slashCommandPayload(fields)).toString();

export interface BlockActionFields {
  actionId: string;
  value: string;
  userId: string;
  responseUrl: string;
}

/** A button press as Slack sends it: the `payload` form field over HTTP, the envelope's payload over Socket Mode. */
export const blockActionPayload = (fields: BlockActionFields): Record<string, unknown> => ({
  type: 'block_actions',
  user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'TWATCHFL0' },
  api_app_id: 'A0WATCHFL',
  token: 'legacy-unused',
  team: { id: 'TWATCHFL0', domain: 'watchfloor' },
  channel: { id: 'C0OPS', name: 'ops' },
  container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0OPS', is_ephemeral: false },
  trigger_id: '4.5.6',
  response_url: fields.responseUrl,
  actions: [{ type: 'button', action_id: fields.actionId, block_id: 'actions', value: fields.value, action_ts: '1700000001.000200', text: { type: 'plain_text', text: 'x' } }],
});

export const blockActionBody = (fields: BlockActionFields): string => new URLSearchParams({ payload: JSON.stringify(blockActionPayload(fields)) }).toString();

export const viewSubmissionBody = (fields: { userId: string; privateMetadata: string; summary: string }): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'TWATCHFL0', domain: 'watchfloor' },
      user: { id: fields.userId, username: fields.userId.toLowerCase(), team_id: 'TWATCHFL0' },
      api_app_id: 'A0WATCHFL',
      token: 'legacy-unused',
      trigger_id: '7.8.9',
      view: {
        id: 'V0001',
        type: 'modal',
        callback_id: 'wf:resolve',
        private_metadata: fields.privateMetadata,
        state: { values: { summary: { text: { type: 'plain_text_input', value: fields.summary } } } },
        hash: 'h',
        blocks: [],
      },
      response_urls: [],
    }),
  }).toString();

export const eventBody = (event: Record<string, unknown>): string =>
  JSON.stringify({
    token: 'legacy-unused',
    team_id: 'TWATCHFL0',
    api_app_id: 'A0WATCHFL',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'TWATCHFL0', user_id: 'UBOTWF001', is_bot: true }],
  });

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** POSTs a signed request to the bot; returns the HTTP status. */
export async function postSigned(url: string, post: SignedPost): Promise<number> {
  const res = await request(url, {
    method: 'POST',
    headers: { 'content-type': post.contentType, 'x-slack-signature': post.signature, 'x-slack-request-timestamp': String(post.timestamp) },
    body: post.body,
    headersTimeout: 5_000,
    bodyTimeout: 5_000,
  });
  await res.body.dump();
  return res.statusCode;
}
