// Text from people and devices (incident titles, site names, CLI output) shown
// in Teams card markdown. TextBlock and Fact values read a markdown subset with
// links; Teams also reads <at>…</at> as a mention. Escaping the characters that
// open markup keeps such text from becoming a link, a mention or formatting.

// Backslash-escapable punctuation that starts markup: emphasis, code, links, tags, entities.
const INLINE_MARKUP = /[\\`*_~[\]<>&]/g;
// At a line's start these begin a list, a heading or a quote.
const LINE_START_MARKUP = /^(\s*)([-+#>]|\d+[.)])/gm;

/** Escapes one line of text for Teams markdown; line breaks become spaces so it cannot start new blocks. */
export function escapeTeamsText(text: string): string {
  return escapeTeamsMultiline(text.replace(/[\r\n]+/g, ' '));
}

/** Escapes text that keeps its lines (CLI output shown verbatim). */
export function escapeTeamsMultiline(text: string): string {
  return text
    .replace(INLINE_MARKUP, (c) => `\\${c}`)
    .replace(LINE_START_MARKUP, (_m, indent: string, mark: string) => `${indent}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}
