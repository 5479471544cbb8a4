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
