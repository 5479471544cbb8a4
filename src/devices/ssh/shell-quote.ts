// An SSH "exec" request is a single string that the remote account's shell
// parses (`$SHELL -c "<string>"`); there is no argv on the wire. So the only
// way to pass arguments as data is to quote every one of them. Single quotes
// make the POSIX shell take everything up to the next single quote literally;
// a single quote itself is written as '\'' (close, escaped quote, reopen).
// NUL cannot travel in a C string and a newline would end the command for
// some shells and logs, so both are refused rather than quoted.

/** Why a word cannot be quoted, or undefined when it can. */
export function unquotableReason(word: string): string | undefined {
  if (word.includes('\0')) return 'contains a NUL character';
  if (/[\r\n]/.test(word)) return 'contains a line break';
  return undefined;
}

export function quoteShellWord(word: string): string {
  const reason = unquotableReason(word);
  if (reason) throw new TypeError(`cannot pass a shell word that ${reason}`);
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line for an argv: `exec` so the remote shell is replaced by the
 * program (a signal sent to the session reaches the program itself), then
 * every element quoted.
 */
export function shellCommandLine(argv: readonly string[]): string {
  if (argv.length === 0) throw new TypeError('cannot build a command line from an empty argv');
  return `exec ${argv.map(quoteShellWord).join(' ')}`;
}
