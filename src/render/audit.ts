// Audit log entries as a table; what verifying them found; a signed checkpoint.
import type { AuditCheckpoint, AuditCheckpointFailure, AuditEntry, AuditVerification } from '../core/model.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import type { RenderContext } from './view.js';

export function renderAuditTable(entries: AuditEntry[], ctx: RenderContext): string {
  return renderTable(
    {
      columns: [
        { header: 'SEQ', align: 'right' },
        { header: 'AT' },
        { header: 'ACTOR', flex: true },
        { header: 'CHANNEL' },
        { header: 'ACTION' },
        { header: 'TARGET', flex: true },
      ],
      // Audit times stay exact even on a terminal: this is evidence, not a glance.
      rows: entries.map((e) => [String(e.seq), e.at, e.actor.name, e.channel, e.action, e.target ?? '-']),
    },
    { tty: ctx.tty, width: ctx.width, header: createStyle(ctx.color).bold },
  );
}

/** `audit verify` when it passed: the chain, then what the checkpoints vouch for (hubs before checkpoints say only the first line). */
export function renderAuditIntact(v: AuditVerification): string {
  const lines = [`audit chain intact: ${v.checked} entries`];
  if (v.checkpoints) {
    const { checked, latest } = v.checkpoints;
    lines.push(
      latest
        ? `checkpoints: ${checked} agree; the latest vouches for rows up to seq ${latest.seq} (${latest.at})`
        : 'checkpoints: none yet; the rows are vouched for by the chain alone',
    );
  }
  if (v.keyFingerprint) lines.push(`signing key: ${v.keyFingerprint}`);
  return lines.join('\n');
}

function whereFrom(bad: AuditCheckpointFailure): string {
  const file = bad.file === null ? (bad.source === 'hub' ? "the hub's checkpoint file" : `checkpoint ${bad.index ?? '?'} sent`) : bad.file;
  return bad.line === null ? file : `${file} line ${bad.line}`;
}

/** The one line `audit verify` fails with: the first bad row, and the first bad checkpoint with where it came from. */
export function auditFailureMessage(v: AuditVerification): string {
  const broken = v.firstBroken;
  const bad = v.badCheckpoint;
  if (!bad) return broken ? `audit chain broken at seq ${broken.seq}: ${broken.reason}` : 'audit chain is broken';
  // Not a checkpoint but the want of one (the hub's own file gone): the reason says it all.
  if (bad.seq === null && bad.line === null && !broken) return `audit log: ${bad.reason}`;
  const which = bad.seq === null ? `a checkpoint (${whereFrom(bad)})` : `checkpoint seq ${bad.seq} of ${bad.at} (${whereFrom(bad)})`;
  const fails = `${which} fails: ${bad.reason}`;
  if (!broken) return `audit log: ${fails}`;
  // The hub reports the row a checkpoint showed wrong with the checkpoint's own reason; a different one is the chain's.
  return broken.reason === bad.reason
    ? `audit log broken at seq ${broken.seq}: ${fails}`
    : `audit chain broken at seq ${broken.seq}: ${broken.reason}; also ${fails}`;
}

/** A signed head for a person: one field a line, every value whole (evidence is copied, not glanced at). */
export function renderCheckpoint(c: AuditCheckpoint): string {
  const rows: [string, string][] = [
    ['seq', String(c.seq)],
    ['hash', c.hash],
    ['at', c.at],
    ['reason', c.reason],
    ['key', c.keyFingerprint],
    ['public key', c.publicKey],
    ['signature', c.signature],
  ];
  return rows.map(([k, v]) => `${k.padEnd(11)}${v}`).join('\n');
}
