// Reading audit checkpoints from text: one JSON line each, as the hub appends
// them to its checkpoint file, as its log and event stream carry them, and as
// `audit checkpoint --json` prints them (`{ "checkpoint": … }`), so an auditor
// can keep a copy with `>>`. The hub reads its own file and the CLI the files
// it is given with this one parser.
import { AuditCheckpoint } from './model.js';

export type CheckpointLine = { line: number; checkpoint: AuditCheckpoint } | { line: number; problem: string };

export function parseCheckpointLines(text: string): CheckpointLine[] {
  const out: CheckpointLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      out.push({ line, problem: 'not JSON' });
      return;
    }
    const wrapped = value && typeof value === 'object' && 'checkpoint' in value ? (value as { checkpoint: unknown }).checkpoint : value;
    const parsed = AuditCheckpoint.safeParse(wrapped);
    out.push(parsed.success ? { line, checkpoint: parsed.data } : { line, problem: 'not an audit checkpoint' });
  });
  return out;
}
