// `--json id,title,state` as gh has it: a verb that publishes a record names
// which part of its --json document holds it and the record's allowlist
// (render/json.ts); the fields asked for are checked against that list before
// anything runs, and the document keeps its shape with only those fields.
// `--json` alone prints the whole document, as before.
import { UsageError } from '../core/errors.js';
import type { AnyVerb, JsonFieldSelection } from './verb.js';

/** The fields asked for, checked against the verb's allowlist: an unknown one is a usage error naming the valid ones. */
export function checkJsonFields(fields: readonly string[], verb: AnyVerb, typed: string): void {
  const selection = verb.present.jsonFields;
  if (!selection) {
    throw new UsageError(`\`${typed}\` takes no --json fields`, { hint: 'use --json alone for its whole document (docs/json.md)' });
  }
  const unknown = fields.filter((f) => !selection.fields.includes(f));
  if (unknown.length) {
    throw new UsageError(`unknown --json field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      hint: `valid fields: ${selection.fields.join(', ')}`,
    });
  }
}

/** The document with only the fields asked for in its records. */
export function selectJsonFields(document: unknown, selection: JsonFieldSelection, fields: readonly string[]): unknown {
  if (typeof document !== 'object' || document === null) return document;
  const records = (document as Record<string, unknown>)[selection.key];
  if (records === undefined) return document;
  const only = (record: unknown) =>
    typeof record === 'object' && record !== null
      ? Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, (record as Record<string, unknown>)[f]]))
      : record;
  return { ...document, [selection.key]: Array.isArray(records) ? records.map(only) : only(records) };
}

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
