// How `--json` is typed: bare, or with a field list (`--json id,title`,
// `--json=id,title`). Kept apart from json-fields.ts, which knows verbs, so
// the context can read the flag without importing them; and whether `-o json`
// asks for JSON, which the runner reads before any command (or commander) loads.
/** `id,title` → ['id', 'title']; '' (a bare --json) → undefined: the whole document. */
export function jsonFieldsOf(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  const fields = value.split(',').map((f) => f.trim()).filter(Boolean);
  return fields.length ? fields : undefined;
}

/**
 * `--json` takes its fields as the next word only when that word is a list of
 * fields some verb publishes; otherwise (`--json status`, `--json 42`) the
 * word is the command's, and the flag stands alone. Commander would take any
 * next word as the value, so the argv is settled here first.
 */
export function settleJsonFlag(argv: readonly string[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return [...out, ...argv.slice(i)];
    if (word !== '--json') {
      out.push(word);
      continue;
    }
    const next = argv[i + 1];
    const isFieldList = next !== undefined && /^[A-Za-z][\w]*(,[A-Za-z][\w]*)*$/.test(next) && next.split(',').every((f) => known.has(f));
    if (isFieldList) {
      out.push(`--json=${next}`);
      i++;
    } else {
      out.push('--json=');
    }
  }
  return out;
}

/** Whether argv asks for JSON through -o (so a failure is reported as JSON, as with --json). */
export function asksJsonOutput(argv: readonly string[]): boolean {
  return argv.some((a, i) => ((a === '-o' || a === '--output') && argv[i + 1] === 'json') || a === '--output=json' || a === '-ojson');
}
