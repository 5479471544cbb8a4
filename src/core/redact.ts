// Secrets never leave in what we show or log. A URL carries a password in its
// userinfo and a token in its query (the event stream takes `?token=`,
// because EventSource cannot send headers); an error's message or stack can
// quote either, or a header. Whatever text is about to reach a person or a log
// goes through redact(); requests still use what they were given.

const MASK = '****';

// scheme://user:PASSWORD@ — up to the last @ of the authority, as URL parsers read it.
const URL_PASSWORD = /\b([a-z][a-z\d+.-]*:\/\/[^\s/?#@:"'<>]*):[^\s/?#"'<>]*@/gi;

// Query parameters that carry credentials: token, access_token, x-api-key, client_secret, password…
const SECRET_PARAM = /([?&;](?:[\w.-]*(?:token|secret|passw|pwd|api[-_]?key|apikey|signature|credential)[\w.-]*|key|sig|auth)=)[^&\s#"'<>]*/gi;

// Headers that carry credentials, quoted as `name: value` or `name=value` (util.inspect, JSON, raw HTTP).
const SECRET_HEADER =
  /\b((?:proxy-)?authorization|(?:set-)?cookie|x-[\w-]*(?:token|secret|api-?key|auth)[\w-]*)(["']?\s*[:=]\s*["']?)[^\r\n"']*/gi;

// A credential after its scheme word, wherever it appears; eight characters
// or more, so prose ("Basic checks passed") stays as it was.
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/g;

// Our own tokens are recognisable anywhere: the hub's API tokens (wf_ + 43
// base64url characters) and the device emulator's (wfsim_ control, wfdev_ devices).
const OWN_TOKEN = /\b(wf(?:sim|dev)?_)[\w-]{20,}/g;

// Slack's: bot, user and app-level tokens (xoxb-…, xoxp-…, xapp-…), pasted into chat or quoted by an error.
const SLACK_TOKEN = /\b(xox[abposre]|xapp)-[\w-]{8,}/g;

/** The text with every credential it quotes masked: URL passwords, secret query parameters, credential headers, our tokens and Slack's. */
export function redact(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1:${MASK}@`)
    .replace(SECRET_PARAM, `$1${MASK}`)
    .replace(SECRET_HEADER, `$1$2${MASK}`)
    .replace(SCHEME_CREDENTIAL, `$1 ${MASK}`)
    .replace(OWN_TOKEN, `$1${MASK}`)
    .replace(SLACK_TOKEN, `$1-${MASK}`);
}

/** Whether a URL names a user or a password (false for one that does not parse). */
export function hasUserinfo(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}
