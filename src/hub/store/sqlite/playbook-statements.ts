// The SQLite statements of the playbook runner's journal (migration 14). Each
// runs inside the caller's transaction; SQLite's one writer at a time makes a
// read of the run row and the write after it atomic across connections.
import type { ChecklistTick, PlaybookRun, RunApproval, RunNote, RunNotification, SiteModeRecord, StepAttempt } from '../../../core/model.js';
import type {
  AttemptPatch,
  NewNotification,
  NewRun,
  PlaybookReader,
  PlaybookWriter,
  RunLeaseState,
  RunPatch,
  RunQuery,
  RunRecord,
  RunTimer,
  TimerKind,
} from '../playbook-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import {
  approvalFromRow,
  attemptFromRow,
  noteFromRow,
  notificationFromRow,
  runFromRow,
  runRecordFromRow,
  siteModeFromRow,
  tickFromRow,
  type ApprovalRow,
  type AttemptRow,
  type NoteRow,
  type NotificationRow,
  type RunRow,
  type SiteModeRow,
  type TickRow,
} from './playbook-rows.js';

const DEFAULT_RUN_LIMIT = 200;
const ACTIVE = ['running', 'waiting', 'paused'];

export const runIdFor = (seq: number) => `RUN-${String(seq).padStart(6, '0')}`;

// Columns a patch may set, by its field names.
const PATCH_COLUMNS: Record<keyof Omit<RunPatch, 'updatedAt' | 'requestedBy'>, string> = {
  status: 'status',
  waitingOn: 'waiting_on',
  reason: 'reason',
  currentStep: 'cursor',
  cursorAttempt: 'cursor_attempt',
  endedAt: 'ended_at',
};

const ATTEMPT_COLUMNS: Record<keyof AttemptPatch, (p: AttemptPatch) => [string, unknown][]> = {
  status: (p) => [['status', p.status]],
  output: (p) => [['output', p.output === null || p.output === undefined ? null : JSON.stringify(p.output)]],
  error: (p) => [['error', p.error ?? null]],
  endedAt: (p) => [['ended_at', p.endedAt ?? null]],
  actor: (p) => [
    ['actor_id', p.actor!.id],
    ['actor_name', p.actor!.name],
  ],
  channel: (p) => [['channel', p.channel]],
  recoveries: (p) => [['recoveries', p.recoveries]],
  runnerMs: (p) => [['runner_ms', p.runnerMs ?? null]],
};

export function playbookStatements(sql: Prepare): Synchronous<PlaybookReader & PlaybookWriter> {
  const getRow = (id: string) => sql('SELECT * FROM playbook_runs WHERE id = ?').get(id.toUpperCase()) as RunRow | undefined;
  return {
    getRun(id: string): RunRecord | undefined {
      const row = getRow(id);
      return row && runRecordFromRow(row);
    },

    listRuns(query: RunQuery = {}): PlaybookRun[] {
      const active = query.status === 'active';
      const rows = sql(
        `SELECT * FROM playbook_runs
          WHERE (@status IS NULL OR status = @status)
            AND (@active = 0 OR status IN ('${ACTIVE.join("','")}'))
            AND (@playbook IS NULL OR playbook_id = @playbook)
          ORDER BY seq DESC LIMIT @limit`,
      ).all({ status: active ? null : (query.status ?? null), active: active ? 1 : 0, playbook: query.playbookId ?? null, limit: query.limit ?? DEFAULT_RUN_LIMIT }) as RunRow[];
      return rows.map((r) => runFromRow(r));
    },

    listAttempts(runId: string): StepAttempt[] {
      return (sql('SELECT * FROM playbook_step_attempts WHERE run_id = ? ORDER BY seq').all(runId) as AttemptRow[]).map(attemptFromRow);
    },

    listApprovals(runId: string): RunApproval[] {
      return (sql('SELECT * FROM playbook_approvals WHERE run_id = ? ORDER BY at, actor_id').all(runId) as ApprovalRow[]).map(approvalFromRow);
    },

    listChecklist(runId: string): ChecklistTick[] {
      return (sql('SELECT * FROM playbook_checklist WHERE run_id = ? ORDER BY at, item').all(runId) as TickRow[]).map(tickFromRow);
    },

    listRunNotes(runId: string): RunNote[] {
      return (sql('SELECT * FROM playbook_notes WHERE run_id = ? ORDER BY id').all(runId) as NoteRow[]).map(noteFromRow);
    },

    listNotifications(runId: string): RunNotification[] {
      return (sql('SELECT * FROM playbook_notifications WHERE run_id = ? ORDER BY id').all(runId) as NotificationRow[]).map(notificationFromRow);
    },

    listTimers(runId: string): RunTimer[] {
      return (sql('SELECT id, run_id, step_id, attempt, kind, due_at FROM playbook_timers WHERE run_id = ? ORDER BY due_at').all(runId) as {
        id: number;
        run_id: string;
        step_id: string;
        attempt: number;
        kind: TimerKind;
        due_at: number;
      }[]).map((r) => ({ id: r.id, runId: r.run_id, stepId: r.step_id, attempt: r.attempt, kind: r.kind, dueAt: r.due_at }));
    },

    listRunsToDrive(nowMs: number): RunLeaseState[] {
      return (
        sql(
          `SELECT id, status, owner, lease_expires_at FROM playbook_runs
            WHERE status = 'running'
               OR (status = 'waiting' AND (owner IS NOT NULL AND lease_expires_at <= @now
                    OR id IN (SELECT run_id FROM playbook_timers WHERE due_at <= @now)))
            ORDER BY seq`,
        ).all({ now: nowMs }) as { id: string; status: RunLeaseState['status']; owner: string | null; lease_expires_at: number | null }[]
      ).map((r) => ({ id: r.id, status: r.status, owner: r.owner, leaseExpiresAt: r.lease_expires_at }));
    },

    nextTimerDue(): number | undefined {
      return (sql("SELECT min(t.due_at) FROM playbook_timers t JOIN playbook_runs r ON r.id = t.run_id WHERE r.status IN ('running', 'waiting')").pluck().get() as number | null) ?? undefined;
    },

    listSiteModes(): SiteModeRecord[] {
      return (sql('SELECT * FROM site_modes ORDER BY site_id').all() as SiteModeRow[]).map(siteModeFromRow);
    },

    insertRun(run: NewRun): RunRecord {
      const seq = Number(sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'playbook_run_seq' RETURNING value").pluck().get());
      const id = runIdFor(seq);
      sql(
        `INSERT INTO playbook_runs (seq, id, playbook_id, playbook_version, playbook_hash, definition, inputs, status, waiting_on,
           reason, cursor, cursor_attempt, incident_id, site_id, drill, drill_speed, started_by_id, started_by, started_by_role, channel,
           started_at, updated_at)
         VALUES (@seq, @id, @playbookId, @playbookVersion, @playbookHash, @definition, @inputs, @status, @waitingOn,
           @reason, @currentStep, @cursorAttempt, @incidentId, @siteId, @drill, @drillSpeed, @startedById, @startedBy, @startedByRole, @channel,
           @startedAt, @startedAt)`,
      ).run({
        ...run,
        title: undefined,
        seq,
        id,
        definition: JSON.stringify(run.definition),
        inputs: JSON.stringify(run.inputs),
        drill: run.drill ? 1 : 0,
        startedById: run.startedBy.id,
        startedBy: run.startedBy.name,
      });
      return runRecordFromRow(getRow(id)!);
    },

    updateRun(id: string, patch: RunPatch): void {
      const sets: string[] = ['updated_at = @updatedAt'];
      const values: Record<string, unknown> = { id, updatedAt: patch.updatedAt };
      for (const [field, column] of Object.entries(PATCH_COLUMNS) as [keyof typeof PATCH_COLUMNS, string][]) {
        if (patch[field] === undefined) continue;
        sets.push(`${column} = @${field}`);
        values[field] = patch[field];
      }
      if (patch.requestedBy !== undefined) {
        sets.push('requested_by_id = @rbId, requested_by = @rbName, requested_by_role = @rbRole');
        Object.assign(values, { rbId: patch.requestedBy?.id ?? null, rbName: patch.requestedBy?.name ?? null, rbRole: patch.requestedBy?.role ?? null });
      }
      sql(`UPDATE playbook_runs SET ${sets.join(', ')} WHERE id = @id`).run(values);
    },

    claimRun(id: string, owner: string, nowMs: number, ttlMs: number, takeOverFrom?: string): number | undefined {
      const changed = sql(
        `UPDATE playbook_runs SET owner = @owner, lease_expires_at = @expires, fence = fence + 1
          WHERE id = @id AND (owner IS NULL OR lease_expires_at <= @now OR owner = @owner OR owner = @dead)`,
      ).run({ id, owner, expires: nowMs + ttlMs, now: nowMs, dead: takeOverFrom ?? null }).changes;
      return changed === 1 ? (sql('SELECT fence FROM playbook_runs WHERE id = ?').pluck().get(id) as number) : undefined;
    },

    renewRun(id: string, owner: string, fence: number, nowMs: number, ttlMs: number): boolean {
      return sql('UPDATE playbook_runs SET lease_expires_at = ? WHERE id = ? AND owner = ? AND fence = ?').run(nowMs + ttlMs, id, owner, fence).changes === 1;
    },

    releaseRun(id: string, owner: string, fence: number): void {
      sql('UPDATE playbook_runs SET owner = NULL, lease_expires_at = NULL WHERE id = ? AND owner = ? AND fence = ?').run(id, owner, fence);
    },

    insertAttempt(runId: string, a: Omit<StepAttempt, 'recoveries' | 'runnerMs'>): void {
      sql(
        `INSERT INTO playbook_step_attempts (run_id, step_id, attempt, seq, status, output, error, started_at, ended_at,
           actor_id, actor_name, channel, idempotency_key)
         VALUES (@runId, @stepId, @attempt, (SELECT coalesce(max(seq), 0) + 1 FROM playbook_step_attempts WHERE run_id = @runId),
           @status, @output, @error, @startedAt, @endedAt, @actorId, @actorName, @channel, @idempotencyKey)`,
      ).run({
        runId,
        stepId: a.stepId,
        attempt: a.attempt,
        status: a.status,
        output: a.output === null ? null : JSON.stringify(a.output),
        error: a.error,
        startedAt: a.startedAt,
        endedAt: a.endedAt,
        actorId: a.actor.id,
        actorName: a.actor.name,
        channel: a.channel,
        idempotencyKey: a.idempotencyKey,
      });
    },

    updateAttempt(runId: string, stepId: string, attempt: number, patch: AttemptPatch): void {
      const columns = (Object.keys(patch) as (keyof AttemptPatch)[]).filter((k) => patch[k] !== undefined).flatMap((k) => ATTEMPT_COLUMNS[k](patch));
      if (!columns.length) return;
      const values = Object.fromEntries(columns.map(([c, v]) => [c, v]));
      sql(`UPDATE playbook_step_attempts SET ${columns.map(([c]) => `${c} = @${c}`).join(', ')} WHERE run_id = @r AND step_id = @s AND attempt = @a`).run({
        ...values,
        r: runId,
        s: stepId,
        a: attempt,
      });
    },

    insertApproval(runId: string, a: RunApproval): boolean {
      return (
        sql(
          `INSERT OR IGNORE INTO playbook_approvals (run_id, step_id, attempt, actor_id, actor_name, channel, decision, reason, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(runId, a.stepId, a.attempt, a.actor.id, a.actor.name, a.channel, a.decision, a.reason, a.at).changes === 1
      );
    },

    insertChecklistTick(runId: string, t: ChecklistTick): boolean {
      return (
        sql(
          `INSERT OR IGNORE INTO playbook_checklist (run_id, step_id, attempt, item, actor_id, actor_name, channel, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(runId, t.stepId, t.attempt, t.item, t.actor.id, t.actor.name, t.channel, t.at).changes === 1
      );
    },

    insertRunNote(runId: string, n: RunNote): void {
      sql('INSERT INTO playbook_notes (run_id, at, actor_id, actor_name, channel, text) VALUES (?, ?, ?, ?, ?, ?)').run(runId, n.at, n.actor.id, n.actor.name, n.channel, n.text);
    },

    insertNotification(n: NewNotification): RunNotification | undefined {
      const row = sql(
        `INSERT OR IGNORE INTO playbook_notifications (run_id, step_id, attempt, channel, role, message_en, message_ar, drill, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      ).get(n.runId, n.stepId, n.attempt, n.channel, n.role, n.message.en, n.message.ar, n.drill ? 1 : 0, n.createdAt) as NotificationRow | undefined;
      return row && notificationFromRow(row);
    },

    setTimer(t: Omit<RunTimer, 'id'>): void {
      sql(
        `INSERT INTO playbook_timers (run_id, step_id, attempt, kind, due_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (run_id, step_id, attempt, kind) DO UPDATE SET due_at = excluded.due_at`,
      ).run(t.runId, t.stepId, t.attempt, t.kind, t.dueAt);
    },

    clearTimers(runId: string, which?: { stepId: string; attempt: number; kind?: TimerKind }): void {
      if (!which) return void sql('DELETE FROM playbook_timers WHERE run_id = ?').run(runId);
      sql('DELETE FROM playbook_timers WHERE run_id = ? AND step_id = ? AND attempt = ? AND (? IS NULL OR kind = ?)').run(
        runId,
        which.stepId,
        which.attempt,
        which.kind ?? null,
        which.kind ?? null,
      );
    },

    setSiteMode(r: SiteModeRecord): void {
      if (r.mode === 'normal') return void sql('DELETE FROM site_modes WHERE site_id = ?').run(r.siteId);
      sql(
        `INSERT INTO site_modes (site_id, mode, since, set_by_id, set_by, run_id, drill) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (site_id) DO UPDATE SET mode = excluded.mode, since = excluded.since, set_by_id = excluded.set_by_id,
           set_by = excluded.set_by, run_id = excluded.run_id, drill = excluded.drill`,
      ).run(r.siteId, r.mode, r.since, r.setBy.id, r.setBy.name, r.runId, r.drill ? 1 : 0);
    },
  };
}
