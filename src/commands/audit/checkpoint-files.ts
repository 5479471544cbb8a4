// The checkpoint files an auditor hands `audit verify --checkpoint`: read
// here, sent to the hub, and a failure the hub reports mapped back to the file
// and line it came from. A file that is gone or empty fails the command: a
// check told to use evidence that is not there must not pass without it.
import { readFileSync } from 'node:fs';
import { parseCheckpointLines } from '../../core/checkpoint-lines.js';
import { UsageError } from '../../core/errors.js';
import type { AuditCheckpoint, AuditVerification } from '../../core/model.js';

export interface GivenCheckpoints {
  checkpoints: AuditCheckpoint[];
  /** Where each checkpoint was read, by its index in `checkpoints`. */
  origins: { file: string; line: number }[];
}

const HINT = 'pass files of checkpoints as the hub writes them (one JSON line each), or as `watchfloor audit checkpoint --json` prints them';

export function readCheckpointFiles(files: readonly string[]): GivenCheckpoints {
  const given: GivenCheckpoints = { checkpoints: [], origins: [] };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new UsageError(`checkpoint file ${file} does not exist: it was deleted or moved, or the path is wrong`, {
          hint: 'the log cannot be checked against checkpoints that are not there; pass a copy kept elsewhere',
          cause: e,
        });
      }
      throw new UsageError(`cannot read checkpoint file ${file}: ${code ?? (e as Error).message}`, { hint: HINT, cause: e });
    }
    const lines = parseCheckpointLines(text);
    if (lines.length === 0) throw new UsageError(`checkpoint file ${file} holds no checkpoints: it was emptied, or it is not the file you meant`, { hint: HINT });
    for (const entry of lines) {
      if (!('checkpoint' in entry)) throw new UsageError(`${file} line ${entry.line} is ${entry.problem}`, { hint: HINT });
      given.checkpoints.push(entry.checkpoint);
      given.origins.push({ file, line: entry.line });
    }
  }
  return given;
}

/** The hub names a failing checkpoint it was sent by its index; the auditor knows it by file and line. */
export function withOrigins(result: AuditVerification, given: GivenCheckpoints): AuditVerification {
  const bad = result.badCheckpoint;
  const origin = bad?.source === 'given' && bad.index !== null ? given.origins[bad.index] : undefined;
  return origin && bad ? { ...result, badCheckpoint: { ...bad, file: origin.file, line: origin.line } } : result;
}
