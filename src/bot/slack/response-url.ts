// Answers posted to a command's or a button's response_url with undici (the
// bot's HTTP library) rather than Bolt's respond(): a stopping bot aborts a
// post that hangs (Bolt's takes no signal), and the answer's body is read, so
// its connection goes back to the pool instead of waiting for the collector.
import { request } from 'undici';

export async function postToResponseUrl(url: string, message: object, signal?: AbortSignal): Promise<void> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), ...(signal ? { signal } : {}) });
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`Slack's response_url answered ${res.statusCode}`);
}
