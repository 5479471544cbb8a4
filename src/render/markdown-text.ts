// Outside text (notes, device errors, names, reasons, titles from files) made
// inert in Markdown: control characters, bidi controls and line separators
// stripped (a newline would end a table row or start a heading), and every
// character Markdown or its HTML would interpret backslash-escaped, so a note
// reading "[click](http://x) <img src=x>" prints as those characters and
// never as a link, an image or a tag. CommonMark lets any ASCII punctuation be
// escaped this way; `:` too, so no autolink forms from a bare URL.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|<>~&:"']/g;

export function mdText(text: string): string {
  return text.replace(UNSAFE, ' ').replace(MARKDOWN, (ch) => `\\${ch}`);
}

/** Outside text for a terminal: control characters, bidi controls and line separators stripped (no escape sequence, no
 * line of its own), every other character as it came — on a terminal Markdown is read, not rendered. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, ' ');
}

/** A Markdown table row of cells already made inert. */
export const mdRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** A Markdown table's header row and the rule under it. */
export const mdHead = (cells: readonly string[]): string[] => [mdRow(cells), mdRow(cells.map(() => '---'))];
