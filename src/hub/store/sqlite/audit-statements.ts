// The SQLite statements of the audit log and its recorded head. An append
// reads the head and writes the row after it in the caller's transaction;
// SQLite's one writer at a time (BEGIN IMMEDIATE, across processes too) is
// what keeps two appends from chaining after the same row. Within one
// transaction the head is read once and written once, just before COMMIT
// (AuditHeadScope): an alert storm's hundreds of rows a commit chain from
// memory instead of reading and rewriting the head row for each.
import { chainRow } from '../../audit/chain.js';
import type { AuditHead, AuditQuery, AuditReader, AuditRecord, AuditRow, AuditWriter } from '../audit-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { auditFromRow, auditToRow, type AuditTableRow } from './rows.js';

const AUDIT_HEAD_KEY = 'audit_head';

/** The store's transaction tells the audit statements where one begins and ends. */
export interface AuditHeadScope {
  begin(): void;
  /** Writes the head the transaction moved to; called right before COMMIT. */
  flush(): void;
  /** The transaction rolled back: forget what it moved the head to. */
  discard(): void;
}

export function auditStatements(sql: Prepare): { statements: Synchronous<AuditReader & AuditWriter>; scope: AuditHeadScope } {
  const storedHead = (): AuditHead | undefined => {
    const value = sql('SELECT value FROM meta WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as AuditHead);
  };
  const writeHead = (head: AuditHead) =>
    sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(AUDIT_HEAD_KEY, JSON.stringify(head));
  // Outside a scope (statements used bare), every append writes its head at once.
  let scope: { head: AuditHead | undefined; moved: boolean } | undefined;
  const getAuditHead = (): AuditHead | undefined => (scope?.moved ? scope.head : storedHead());
  const statements: Synchronous<AuditReader & AuditWriter> = {
    listAudit(query: AuditQuery): AuditRow[] {
      const params = { after: query.afterSeq ?? null, since: query.since ?? null, limit: query.limit };
      const where = '(@after IS NULL OR seq > @after) AND (@since IS NULL OR at >= @since)';
      const unbounded = query.afterSeq === undefined && query.since === undefined;
      const rows = (
        unbounded && query.newest
          ? sql(`SELECT * FROM (SELECT * FROM audit WHERE ${where} ORDER BY seq DESC LIMIT @limit) ORDER BY seq`)
          : sql(`SELECT * FROM audit WHERE ${where} ORDER BY seq LIMIT @limit`)
      ).all(params) as AuditTableRow[];
      return rows.map(auditFromRow);
    },

    readAuditLog: (): AuditRow[] => (sql('SELECT * FROM audit ORDER BY seq').all() as AuditTableRow[]).map(auditFromRow),

    getAuditHead,

    appendAudit(record: AuditRecord): AuditRow {
      const row = chainRow(getAuditHead(), { ...record, detail: record.detail ?? {} });
      sql(
        `INSERT INTO audit (seq, at, actor_id, actor_name, channel, action, target, detail, prev_hash, hash)
         VALUES (@seq, @at, @actor_id, @actor_name, @channel, @action, @target, @detail, @prev_hash, @hash)`,
      ).run(auditToRow(row));
      const head: AuditHead = { seq: row.seq, hash: row.hash };
      if (scope) scope = { head, moved: true };
      else writeHead(head);
      return row;
    },
  };
  return {
    statements,
    scope: {
      begin: () => void (scope = { head: undefined, moved: false }),
      flush() {
        if (scope?.moved && scope.head) writeHead(scope.head);
        scope = undefined;
      },
      discard: () => void (scope = undefined),
    },
  };
}
