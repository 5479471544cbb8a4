// What a list verb declares to take `--watch`: how to find its records in a
// result, what identifies one, how to make a result of a few of them (a change
// line is the verb's own row or JSON for one record), and which hub events may
// change it. The frames are what the watch hands whoever shows it.
import type { ChangeKind } from './changes.js';

export interface WatchableView<Input, Result> {
  /** The input asks to watch (`--watch`). */
  requested(input: Input): boolean;
  records(result: Result): readonly unknown[];
  key(record: unknown): string;
  /** The result holding only these records: a change line renders it. */
  only(result: Result, records: unknown[]): Result;
  /** The JSON key of the one record in a change line: `incident`, `site`. */
  recordKey: string;
  /** An event of this type on the hub's stream may change the view. */
  affectedBy(eventType: string): boolean;
  /** How long to gather such events before one refetch (a busy fleet reports every few seconds per site). */
  gatherMs?: number;
}

export type WatchFrame =
  | { kind: 'snapshot'; result: unknown }
  | { kind: 'update'; result: unknown; changes: { change: ChangeKind; only: unknown }[] };
