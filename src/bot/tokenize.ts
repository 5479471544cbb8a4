// Chat text to argv, the way a shell would split it, with what chat clients
// do to text: smart quotes (Slack turns "x" into “x”), HTML entities in
// message text, and a leading bot mention or `wf` before the command.

// Double quotes open anywhere; single quotes only where a shell word starts
// (or after `=`), so the apostrophe in "what’s the wait" stays a letter.
const CLOSERS: Record<string, string> = {
  '"': '"”“',
  '“': '”"“',
  '”': '”"“',
  "'": "'’",
  '‘': "’'‘",
};
const DOUBLE_OPENERS = new Set(['"', '“', '”']);

export function tokenizeChat(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
      continue;
    }
    const closers = CLOSERS[c];
    const opens = closers !== undefined && (DOUBLE_OPENERS.has(c) || !started || current.endsWith('='));
    if (opens) {
      let end = i + 1;
      while (end < text.length && !closers.includes(text[end]!)) end++;
      current += text.slice(i + 1, end);
      started = true;
      i = end; // an unclosed quote runs to the end of the text
      continue;
    }
    current += c;
    started = true;
  }
  if (started) tokens.push(current);
  return tokens;
}

/** Slack escapes &, < and > in message text; the command grammar wants them back. */
export function unescapeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// `/wf`, `wf`, `watchfloor`, a Slack mention <@U123> or <@U123|name>, a Teams <at>name</at>.
const INVOCATION = /^(?:\/?wf\b|watchfloor\b|<@[A-Z0-9]+(?:\|[^>]*)?>|<at>[^<]*<\/at>)[\s:,]*/i;

/** The text without the bot's name or mention in front (repeated: "@watchfloor wf status"). */
export function stripInvocation(text: string): string {
  let rest = text.trim();
  for (let m = INVOCATION.exec(rest); m; m = INVOCATION.exec(rest)) rest = rest.slice(m[0].length).trimStart();
  return rest;
}
