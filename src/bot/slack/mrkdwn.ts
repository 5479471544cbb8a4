// Text from users and incidents made inert for Slack's mrkdwn: Slack reads
// <!channel>, <@U123> and <https://x|label> as mentions and links, so &, <
// and > are sent as entities (Slack's own escaping rule). Messages are posted
// without link_names, so a bare "@channel" stays text.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters ending in … when cut, never cutting an entity in half. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(0, max - 1)).join('');
  return `${cut.replace(/&[a-z]*$/, '')}…`;
}

/** Escaped, then clipped: a field Slack limits to `max` characters. */
export function mrkdwn(text: string, max: number): string {
  return clip(escapeMrkdwn(text), max);
}
