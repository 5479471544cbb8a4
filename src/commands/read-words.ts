// Which words the read path serves alone, decided from the words only: this
// module imports nothing, so the read bundle's router (src/read-main.ts) can
// run it before loading any command code.

/** The version flags of program-root.ts, typed alone: the same line commander would print. */
export const VERSION_ONLY: ReadonlySet<string> = new Set(['--version', '-V']);

/** The commands a duty officer types hundreds of times a shift. */
export const READ_NOUNS = ['status', 'incidents', 'sites'] as const;
export type ReadNoun = (typeof READ_NOUNS)[number];

const isReadNoun = (word: string | undefined): word is ReadNoun => (READ_NOUNS as readonly (string | undefined)[]).includes(word);

export const isVersionOnly = (argv: readonly string[]): boolean => argv.length === 1 && VERSION_ONLY.has(argv[0]!);

// Watching follows the hub's event stream (undici, loaded with the stream):
// the full bundle's business, not the read path's. `-w` may sit in a cluster.
const watches = (a: string) => a === '--watch' || /^-[^-]*w/.test(a);

/**
 * True when the words are `--version` alone, or a read command typed first
 * (no global flag before it) with no `--json WORD` to settle — which needs
 * every verb's fields to tell a field list from the command's own word — and
 * no `--watch`.
 */
export function servesAlone(argv: readonly string[]): boolean {
  if (isVersionOnly(argv)) return true;
  if (!isReadNoun(argv[0])) return false;
  const settlesJsonWord = argv.some((a, i) => a === '--json' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-'));
  return !settlesJsonWord && !argv.some(watches);
}
