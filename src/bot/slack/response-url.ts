// Answers posted to a command's or a button's response_url, with our own
// fetch rather than Bolt's respond(): a stopping bot aborts a post that hangs
// (Bolt's takes no signal), and the answer's body is read, so its connection
// goes back to the pool instead of waiting for the garbage collector.
export async function postToResponseUrl(url: string, message: object, signal?: AbortSignal): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), ...(signal ? { signal } : {}) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`Slack's response_url answered ${res.status}`);
}
