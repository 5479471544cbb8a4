// Signed checkpoints, pure: signing and checking them, holding rows to them,
// and what a starting hub concludes from the last one it wrote.
import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditCheckpoint, AuditEntry } from '../../src/core/model.js';
import { parseCheckpointLines } from '../../src/core/checkpoint-lines.js';
import { newAuditKeyPem, signerFrom } from '../../src/hub/audit/audit-key.js';
import { chainRow } from '../../src/hub/audit/chain.js';
import { checkpointSignatureChecker, signCheckpoint } from '../../src/hub/audit/checkpoint.js';
import { startWarnings } from '../../src/hub/audit/start-check.js';
import { verifyCheckpoints, type LocatedCheckpoint } from '../../src/hub/audit/verify-checkpoints.js';

const hubKey = signerFrom(createPrivateKey(newAuditKeyPem()));
const otherKey = signerFrom(createPrivateKey(newAuditKeyPem()));
const T = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

function chain(n: number): AuditEntry[] {
  const rows: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(chainRow(rows.at(-1), { at: T(i).toISOString(), actor: { id: 'tok_1', name: 'aisha' }, channel: 'cli', action: 'incident.note', target: 'INC-000001', detail: { i } }));
  }
  return rows;
}

const at = (rows: AuditEntry[], seq: number) => ({ seq, hash: rows[seq - 1]!.hash });
const given = (...checkpoints: AuditCheckpoint[]): LocatedCheckpoint[] =>
  checkpoints.map((checkpoint, index) => ({ line: index + 1, checkpoint, source: 'given', index, file: null }));

describe('signing a checkpoint', () => {
  const rows = chain(3);
  const signed = signCheckpoint(hubKey, at(rows, 3), T(5), 'periodic');

  it('carries the head, the time, why, the public key and its fingerprint; it checks out with the hub key', () => {
    expect(signed).toMatchObject({ seq: 3, hash: rows[2]!.hash, at: T(5).toISOString(), reason: 'periodic', keyFingerprint: hubKey.fingerprint, publicKey: hubKey.publicKey });
    expect(hubKey.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(checkpointSignatureChecker(hubKey.fingerprint)(signed)).toBeUndefined();
  });

  it('is refused when signed by another key, even though that signature is sound', () => {
    const foreign = signCheckpoint(otherKey, at(rows, 3), T(5), 'periodic');
    expect(checkpointSignatureChecker(otherKey.fingerprint)(foreign)).toBeUndefined();
    expect(checkpointSignatureChecker(hubKey.fingerprint)(foreign)).toMatch(/signed by another key/);
  });

  it('is refused when any signed field changed, or the key was swapped under the fingerprint', () => {
    for (const altered of [{ seq: 2 }, { hash: rows[1]!.hash }, { at: T(6).toISOString() }, { reason: 'shutdown' as const }]) {
      expect(checkpointSignatureChecker(hubKey.fingerprint)({ ...signed, ...altered }), JSON.stringify(altered)).toMatch(/does not verify/);
    }
    expect(checkpointSignatureChecker(hubKey.fingerprint)({ ...signed, publicKey: otherKey.publicKey })).toMatch(/does not match the fingerprint/);
    expect(checkpointSignatureChecker(hubKey.fingerprint)({ ...signed, publicKey: 'bm90IGEga2V5' })).toMatch(/cannot be read/);
  });
});

describe('reading checkpoint lines', () => {
  it('takes the hub file\'s lines and `audit checkpoint --json` documents alike, and names the lines that are neither', () => {
    const c = signCheckpoint(hubKey, { seq: 1, hash: 'a'.repeat(64) }, T(0), 'start');
    const text = [JSON.stringify(c), '', JSON.stringify({ checkpoint: c }), 'audit checkpoint: {', JSON.stringify({ ...c, seq: -1 })].join('\n');
    expect(parseCheckpointLines(text)).toEqual([
      { line: 1, checkpoint: c },
      { line: 3, checkpoint: c },
      { line: 4, problem: 'not JSON' },
      { line: 5, problem: 'not an audit checkpoint' },
    ]);
  });
});

describe('holding rows to checkpoints', () => {
  const rows = chain(10);
  const sign = (seq: number, minute: number, reason: AuditCheckpoint['reason'] = 'periodic') => signCheckpoint(hubKey, at(rows, seq), T(minute), reason);

  it('passes rows that agree, and says which checkpoint vouches for the most', () => {
    const v = verifyCheckpoints(rows, given(sign(4, 4), sign(10, 10, 'shutdown'), sign(10, 20, 'start')), hubKey.fingerprint);
    expect(v).toEqual({ checked: 3, failed: 0, latest: { seq: 10, at: T(20).toISOString() }, bad: null, firstBroken: null });
  });

  it('fails a rewritten row at the first checkpoint that no longer matches, saying up to where rows still agree', () => {
    const rewritten = chain(10).map((r, i) => (i >= 5 ? { ...r, hash: 'f'.repeat(64) } : r));
    const v = verifyCheckpoints(rewritten, given(sign(2, 2), sign(8, 8), sign(10, 10)), hubKey.fingerprint);
    expect(v.failed).toBe(2);
    expect(v.bad).toMatchObject({ seq: 8, source: 'given', index: 1, reason: expect.stringContaining('row 8 does not hash to it (row 2 still agrees') });
    expect(v.firstBroken).toMatchObject({ seq: 8 });
  });

  it('fails a checkpoint past the last row, and every checkpoint of a log that was emptied', () => {
    expect(verifyCheckpoints(rows.slice(0, 7), given(sign(10, 10)), hubKey.fingerprint)).toMatchObject({
      bad: { seq: 10, reason: expect.stringContaining('rows 8–10 were deleted') },
      firstBroken: { seq: 8 },
    });
    expect(verifyCheckpoints([], given(sign(3, 3)), hubKey.fingerprint)).toMatchObject({
      bad: { seq: 3, reason: expect.stringContaining('the log is empty') },
      firstBroken: { seq: 1 },
    });
  });

  it('fails a start that found the log elsewhere than the shutdown before it left it, in whichever copy each was kept', () => {
    const v = verifyCheckpoints(rows, [...given(sign(8, 8, 'shutdown')), { line: 1, checkpoint: sign(10, 30, 'start'), source: 'hub', index: null, file: '/srv/hub.jsonl' }], hubKey.fingerprint);
    expect(v.bad).toMatchObject({ seq: 10, source: 'hub', file: '/srv/hub.jsonl', line: 1, reason: expect.stringContaining('rows 9–10 were added while no hub was running') });
    expect(v.firstBroken).toMatchObject({ seq: 9 });
    // A crash leaves no shutdown checkpoint: rows after the last periodic one are the hub's own.
    expect(verifyCheckpoints(rows, given(sign(8, 8), sign(10, 30, 'start')), hubKey.fingerprint).bad).toBeNull();
  });

  it('names a forged or foreign checkpoint before any row it would cast doubt on', () => {
    const forged = { ...sign(5, 5), hash: 'e'.repeat(64) };
    const foreign = signCheckpoint(otherKey, at(rows, 3), T(3), 'periodic');
    const v = verifyCheckpoints(rows.slice(0, 9), given(sign(10, 10), forged, foreign), hubKey.fingerprint);
    expect(v.failed).toBe(3);
    expect(v.bad).toMatchObject({ seq: 5, index: 1, reason: expect.stringContaining('does not verify') });
  });
});

describe('what a starting hub says about the log it finds', () => {
  const rows = chain(6);
  const base = { file: '/srv/hub.audit-checkpoints.jsonl', fileExists: true, fingerprint: hubKey.fingerprint };
  const last = signCheckpoint(hubKey, at(rows, 6), T(6), 'shutdown');

  it('nothing when the log is where it stopped, or new', () => {
    expect(startWarnings({ ...base, last, head: at(rows, 6), hashAtLast: rows[5]!.hash })).toEqual([]);
    expect(startWarnings({ ...base, fileExists: false, last: undefined, head: { seq: 0, hash: '' }, hashAtLast: undefined })).toEqual([]);
  });

  it('one warning for a missing file, a rewritten, shortened or lengthened log, or a foreign checkpoint', () => {
    const cases = [
      [{ fileExists: false, last: undefined, head: at(rows, 6), hashAtLast: undefined }, /checkpoint file .* is missing, though the log has 6 rows/],
      [{ last, head: at(rows, 6), hashAtLast: 'f'.repeat(64) }, /row 6 no longer matches the last checkpoint/],
      [{ last, head: at(rows, 4), hashAtLast: undefined }, /the log ends at seq 4, before the last checkpoint/],
      [{ last, head: { seq: 7, hash: 'a'.repeat(64) }, hashAtLast: rows[5]!.hash }, /stopped at seq 6 and the log now ends at seq 7/],
      [{ last: signCheckpoint(otherKey, at(rows, 6), T(6), 'shutdown'), head: at(rows, 6), hashAtLast: rows[5]!.hash }, /signed by another key/],
    ] as const;
    for (const [state, warning] of cases) {
      const warnings = startWarnings({ ...base, ...state });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^audit WARNING: /);
      expect(warnings[0]).toMatch(warning);
    }
  });
});
