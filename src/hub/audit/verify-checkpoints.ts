// Checks the audit rows against signed checkpoints, which the chain alone
// cannot do: a chain recomputed after an edit, an insert or a reorder is
// internally sound, and so is one cut short with its recorded head moved
// back, or emptied. A checkpoint pins the hash of the row at its seq, so
// every rewrite before it and every cut below it shows; a shutdown
// checkpoint followed by a start at another seq shows rows added or removed
// while no hub was running, which nothing in the database can.
import type { AuditCheckpoint, AuditCheckpointFailure, AuditEntry } from '../../core/model.js';
import type { CheckpointLine } from '../../core/checkpoint-lines.js';
import { checkpointSignatureChecker } from './checkpoint.js';
import { GENESIS_HASH } from './chain.js';

/** A checkpoint (or a line that should have been one) and where it came from. */
export type LocatedCheckpoint = CheckpointLine & Pick<AuditCheckpointFailure, 'source' | 'index' | 'file'>;

export interface CheckpointVerdict {
  checked: number;
  failed: number;
  latest: { seq: number; at: string } | null;
  bad: AuditCheckpointFailure | null;
  /** The first row a checkpoint shows to be wrong, when one does. */
  firstBroken: { seq: number; reason: string } | null;
}

interface Failure {
  at: LocatedCheckpoint;
  reason: string;
  /** The first row this failure shows to be wrong (none for a checkpoint that is itself bad). */
  brokenSeq?: number;
}

const START_REASONS = new Set(['start', 'file-missing']);

export function verifyCheckpoints(rows: readonly AuditEntry[], located: readonly LocatedCheckpoint[], trustedFingerprint: string): CheckpointVerdict {
  const hashAt = new Map(rows.map((r) => [r.seq, r.hash]));
  const lastSeq = rows.at(-1)?.seq ?? 0;
  const failures: Failure[] = [];
  const agreeing: AuditCheckpoint[] = [];
  const signed = new Map<string, { c: AuditCheckpoint; at: LocatedCheckpoint }>();
  const signatureProblem = checkpointSignatureChecker(trustedFingerprint);

  for (const entry of located) {
    if (!('checkpoint' in entry)) {
      failures.push({ at: entry, reason: `line ${entry.line} is ${entry.problem}` });
      continue;
    }
    const c = entry.checkpoint;
    const problem = signatureProblem(c);
    if (problem) {
      failures.push({ at: entry, reason: problem });
      continue;
    }
    if (!signed.has(c.signature)) signed.set(c.signature, { c, at: entry });
    const disagreement = disagreementOf(c, hashAt, lastSeq);
    if (disagreement) failures.push({ at: entry, ...disagreement });
    else agreeing.push(c);
  }
  failures.push(...stoppedHubChanges([...signed.values()]));

  const goodSeqs = agreeing.map((c) => c.seq).sort((a, b) => a - b);
  const explained = failures.map((f) => (f.brokenSeq === undefined ? f : { ...f, reason: withLastAgreeing(f, goodSeqs) }));
  const first = firstFailure(explained);
  const latest = agreeing.reduce<AuditCheckpoint | undefined>((best, c) => (!best || c.seq > best.seq || (c.seq === best.seq && c.at > best.at) ? c : best), undefined);
  return {
    checked: located.length,
    failed: new Set(failures.map((f) => f.at)).size,
    latest: latest ? { seq: latest.seq, at: latest.at } : null,
    bad: first ? failureOf(first) : null,
    firstBroken: first?.brokenSeq === undefined ? null : { seq: first.brokenSeq, reason: first.reason },
  };
}

function disagreementOf(c: AuditCheckpoint, hashAt: Map<number, string>, lastSeq: number): Omit<Failure, 'at'> | undefined {
  if (c.seq > lastSeq) {
    const what = lastSeq === 0 ? 'the log is empty' : `the last row is seq ${lastSeq}`;
    return { reason: `it vouches for rows up to seq ${c.seq}, but ${what}: rows ${lastSeq + 1}–${c.seq} were deleted`, brokenSeq: lastSeq + 1 };
  }
  if (c.seq === 0) return c.hash === GENESIS_HASH ? undefined : { reason: 'a checkpoint of the empty log must carry the genesis hash' };
  const hash = hashAt.get(c.seq);
  if (hash === undefined) return { reason: `row ${c.seq}, which it vouches for, is missing`, brokenSeq: c.seq };
  if (hash !== c.hash) return { reason: `row ${c.seq} does not hash to it`, brokenSeq: c.seq };
  return undefined;
}

/**
 * A hub that stops signs its head; the next start signs the head it finds.
 * The two differ only if someone changed the log in between. (One hub per
 * data file: a second hub writing while the first is stopped would look the
 * same.)
 */
function stoppedHubChanges(checkpoints: { c: AuditCheckpoint; at: LocatedCheckpoint }[]): Failure[] {
  const inTime = [...checkpoints].sort((a, b) => (a.c.at < b.c.at ? -1 : a.c.at > b.c.at ? 1 : 0));
  const out: Failure[] = [];
  for (let i = 1; i < inTime.length; i++) {
    const [before, after] = [inTime[i - 1]!.c, inTime[i]!];
    if (before.reason !== 'shutdown' || !START_REASONS.has(after.c.reason) || after.c.seq === before.seq) continue;
    const what = after.c.seq > before.seq ? `rows ${before.seq + 1}–${after.c.seq} were added` : `rows ${after.c.seq + 1}–${before.seq} were removed`;
    out.push({
      at: after.at,
      reason: `the hub stopped at seq ${before.seq} (${before.at}) and started again at seq ${after.c.seq}: ${what} while no hub was running`,
      brokenSeq: Math.min(before.seq, after.c.seq) + 1,
    });
  }
  return out;
}

function withLastAgreeing(f: Failure, goodSeqs: readonly number[]): string {
  const below = goodSeqs.filter((s) => s < f.brokenSeq!).at(-1);
  return below === undefined ? f.reason : `${f.reason} (row ${below} still agrees with an earlier checkpoint)`;
}

/** A checkpoint that is itself bad (unreadable, forged, another key's) first; then the lowest row shown wrong. */
function firstFailure(failures: readonly Failure[]): Failure | undefined {
  return failures.find((f) => f.brokenSeq === undefined) ?? [...failures].sort((a, b) => a.brokenSeq! - b.brokenSeq!)[0];
}

function failureOf(f: Failure): AuditCheckpointFailure {
  const c = 'checkpoint' in f.at ? f.at.checkpoint : undefined;
  return {
    seq: c?.seq ?? null,
    at: c?.at ?? null,
    reason: f.reason,
    source: f.at.source,
    index: f.at.index,
    file: f.at.file,
    line: f.at.source === 'hub' ? f.at.line : null,
  };
}
