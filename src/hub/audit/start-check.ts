// What a starting hub can tell at once about the log it was left with, from
// the last checkpoint it wrote: whether the file of checkpoints is still
// there, whether the row that checkpoint vouches for is unchanged, and —
// when the hub last stopped cleanly — whether rows came or went while it was
// stopped. Cheap (one row read), so it runs on every start; the full walk is
// `audit verify`.
import type { AuditCheckpoint } from '../../core/model.js';
import type { ChainHead } from './checkpoint.js';
import { checkpointSignatureChecker } from './checkpoint.js';

export interface StartState {
  file: string;
  /** Whether the checkpoint file exists, and the last checkpoint in it. */
  fileExists: boolean;
  last: AuditCheckpoint | undefined;
  /** The last row of the log now (seq 0: empty). */
  head: ChainHead;
  /** The hash of the row at `last.seq` now, if there is one. */
  hashAtLast: string | undefined;
  fingerprint: string;
}

/** Warnings for the hub's log, each one line; none when all is as the hub left it. */
export function startWarnings(s: StartState): string[] {
  const verify = 'run `watchfloor audit verify --checkpoint FILE` with a copy kept elsewhere';
  if (!s.last) {
    if (s.head.seq === 0) return [];
    const where = s.fileExists ? `the checkpoint file ${s.file} holds no checkpoints` : `the checkpoint file ${s.file} is missing`;
    return [
      `audit WARNING: ${where}, though the log has ${s.head.seq} rows: if this hub wrote checkpoints before, they were deleted or moved, ` +
        `and only copies kept elsewhere (hub log, event stream, auditors) still vouch for those rows; starting a new file — ${verify}`,
    ];
  }
  const last = `the last checkpoint (seq ${s.last.seq}, ${s.last.at})`;
  const problem = checkpointSignatureChecker(s.fingerprint)(s.last);
  if (problem) return [`audit WARNING: ${last} in ${s.file} cannot be trusted: ${problem} — ${verify}`];
  if (s.hashAtLast === undefined) {
    return [`audit WARNING: the log ends at seq ${s.head.seq}, before ${last}: rows were deleted while the hub was stopped — ${verify}`];
  }
  if (s.hashAtLast !== s.last.hash) {
    return [`audit WARNING: row ${s.last.seq} no longer matches ${last}: the log was rewritten while the hub was stopped — ${verify}`];
  }
  if (s.last.reason === 'shutdown' && s.head.seq !== s.last.seq) {
    return [`audit WARNING: the hub stopped at seq ${s.last.seq} and the log now ends at seq ${s.head.seq}: rows were added while it was stopped — ${verify}`];
  }
  return [];
}
