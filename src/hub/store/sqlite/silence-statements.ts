// The SQLite statements of silences and maintenance windows, and of the
// alerts they silenced (one row per fingerprint).
import type { ActorRef, LabelMatcher, SilencedAlert } from '../../../core/model.js';
import type { NewSilence, SilenceQuery, SilenceReader, SilenceRecord, SilenceWriter } from '../silence-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface SilenceRow {
  id: string;
  kind: SilenceRecord['kind'];
  site_id: string | null;
  asset_id: string | null;
  matchers: string;
  starts_at: string;
  ends_at: string;
  reason: string;
  created_at: string;
  created_by: string;
  expired_at: string | null;
  expired_by: string | null;
  drill_run_id: string | null;
  alerts: number;
}

interface SilencedAlertRow {
  fingerprint: string;
  silence_id: string;
  status: SilencedAlert['status'];
  title: string;
  severity: string;
  site_id: string | null;
  asset_id: string | null;
  labels: string;
  first_at: string;
  last_at: string;
  count: number;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM silenced_alerts a WHERE a.silence_id = s.id) AS alerts FROM silences s`;
const NEXT_REVISION = '(SELECT coalesce(max(revision), 0) + 1 FROM silences)';

const silenceOf = (r: SilenceRow): SilenceRecord => ({
  id: r.id,
  kind: r.kind,
  siteId: r.site_id,
  assetId: r.asset_id,
  matchers: JSON.parse(r.matchers) as LabelMatcher[],
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  reason: r.reason,
  createdAt: r.created_at,
  createdBy: JSON.parse(r.created_by) as ActorRef,
  expiredAt: r.expired_at,
  expiredBy: r.expired_by === null ? null : (JSON.parse(r.expired_by) as ActorRef),
  drillRunId: r.drill_run_id,
  alertsSilenced: r.alerts,
});

const alertOf = (r: SilencedAlertRow): SilencedAlert => ({
  fingerprint: r.fingerprint,
  silenceId: r.silence_id,
  status: r.status,
  title: r.title,
  severity: r.severity,
  siteId: r.site_id,
  assetId: r.asset_id,
  labels: JSON.parse(r.labels) as Record<string, string>,
  firstAt: r.first_at,
  lastAt: r.last_at,
  count: r.count,
});

export function silenceStatements(sql: Prepare): Synchronous<SilenceReader & SilenceWriter> {
  const getSilence = (id: string): SilenceRecord | undefined => {
    const row = sql(`${SELECT} WHERE s.id = ? COLLATE NOCASE`).get(id) as SilenceRow | undefined;
    return row && silenceOf(row);
  };
  return {
    listSilences(query: SilenceQuery = {}): SilenceRecord[] {
      const where: string[] = [];
      if (query.kind) where.push('s.kind = @kind');
      if (query.inForceAt) where.push('s.expired_at IS NULL AND s.ends_at > @inForceAt');
      const text = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.seq DESC LIMIT @limit`;
      const rows = sql(text).all({ kind: query.kind, inForceAt: query.inForceAt, limit: query.limit ?? 1000 }) as SilenceRow[];
      return rows.map(silenceOf);
    },

    getSilence,

    silenceRevision(): number {
      return (sql('SELECT coalesce(max(revision), 0) FROM silences').pluck().get() as number) ?? 0;
    },

    listSilencedAlerts(silenceId: string): SilencedAlert[] {
      return (sql('SELECT * FROM silenced_alerts WHERE silence_id = ? ORDER BY last_at DESC LIMIT 1000').all(silenceId) as SilencedAlertRow[]).map(alertOf);
    },

    insertSilence(s: NewSilence): SilenceRecord {
      const seq = (sql('SELECT coalesce(max(seq), 0) + 1 FROM silences').pluck().get() as number) ?? 1;
      const id = `${s.kind === 'maintenance' ? 'MW' : 'SIL'}-${seq}`;
      sql(
        `INSERT INTO silences (seq, id, kind, site_id, asset_id, matchers, starts_at, ends_at, reason, created_at, created_by, drill_run_id, revision)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${NEXT_REVISION})`,
      ).run(seq, id, s.kind, s.siteId, s.assetId, JSON.stringify(s.matchers), s.startsAt, s.endsAt, s.reason, s.createdAt, JSON.stringify(s.createdBy), s.drillRunId);
      return getSilence(id)!;
    },

    expireSilence(id: string, at: string, by: ActorRef): boolean {
      const result = sql(`UPDATE silences SET expired_at = ?, expired_by = ?, revision = ${NEXT_REVISION} WHERE id = ? AND expired_at IS NULL`).run(at, JSON.stringify(by), id);
      return result.changes > 0;
    },

    recordSilencedAlert(a): void {
      sql(
        `INSERT INTO silenced_alerts (fingerprint, silence_id, status, title, severity, site_id, asset_id, labels, first_at, last_at, count)
         VALUES (@fingerprint, @silenceId, @status, @title, @severity, @siteId, @assetId, @labels, @lastAt, @lastAt, 1)
         ON CONFLICT (fingerprint) DO UPDATE SET silence_id = excluded.silence_id, status = excluded.status, title = excluded.title,
           severity = excluded.severity, labels = excluded.labels, last_at = excluded.last_at, count = silenced_alerts.count + 1`,
      ).run({ ...a, labels: JSON.stringify(a.labels) });
    },

    resolveSilencedAlert(fingerprint: string, at: string): boolean {
      return sql(`UPDATE silenced_alerts SET status = 'resolved', last_at = ?, count = count + 1 WHERE fingerprint = ? AND status = 'firing'`).run(at, fingerprint).changes > 0;
    },
  };
}
