// The hub's checkpoint file: one signed checkpoint a line, appended, beside
// the data file unless --audit-checkpoints moves it. Each line is synced to
// disk before the hub says it wrote it, so a shutdown checkpoint survives the
// machine going down right after.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseCheckpointLines, type CheckpointLine } from '../../core/checkpoint-lines.js';
import type { AuditCheckpoint } from '../../core/model.js';

export function appendCheckpoint(file: string, checkpoint: AuditCheckpoint): void {
  // The mode applies when this creates the file: what it holds is public, but only the hub should add to it.
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The file's lines, or undefined when it does not exist. */
export function readCheckpointFile(file: string): CheckpointLine[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parseCheckpointLines(text);
}

/** The last checkpoint in the file (the newest the hub wrote), if any. */
export function lastCheckpointIn(lines: readonly CheckpointLine[]): AuditCheckpoint | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const entry = lines[i]!;
    if ('checkpoint' in entry) return entry.checkpoint;
  }
  return undefined;
}
