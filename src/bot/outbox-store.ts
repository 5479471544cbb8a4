// The outbox's own SQLite file: jobs waiting to be sent, and dead letters.
// One pending job per message key that is not being sent, so a burst of
// updates to one card collapses into its latest content.
import Database from 'better-sqlite3';
import { createPrivateFile } from '../core/private-file.js';

export interface OutboxJob {
  kind: 'post' | 'update';
  /** Names the message: the jobs of one key are sent in order, and pending ones coalesce. */
  key: string;
  channel: string;
  /** The message to update; an update queued behind its post gets the post's ts. */
  ts?: string | undefined;
  text: string;
  blocks?: unknown[] | undefined;
  /** What the sender needs back after delivery (it survives a restart with the job). */
  meta?: Record<string, string> | undefined;
}

export interface StoredJob extends OutboxJob {
  id: number;
  attempts: number;
  /** Epoch ms before which the job is not tried. */
  nextAt: number;
  lastError: string | null;
  state: 'pending' | 'dead';
}

interface JobRow {
  id: number;
  key: string;
  kind: string;
  channel: string;
  ts: string | null;
  text: string;
  blocks: string | null;
  meta: string | null;
  state: string;
  attempts: number;
  next_at: number;
  last_error: string | null;
}

const fromRow = (r: JobRow): StoredJob => ({
  id: r.id,
  key: r.key,
  kind: r.kind as OutboxJob['kind'],
  channel: r.channel,
  ts: r.ts ?? undefined,
  text: r.text,
  blocks: r.blocks === null ? undefined : (JSON.parse(r.blocks) as unknown[]),
  meta: r.meta === null ? undefined : (JSON.parse(r.meta) as Record<string, string>),
  state: r.state as StoredJob['state'],
  attempts: r.attempts,
  nextAt: r.next_at,
  lastError: r.last_error,
});

export class OutboxStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    // The messages waiting to be posted: 0600, and SQLite's -wal and -shm follow the file's mode.
    createPrivateFile(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS outbox_jobs (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL,
        kind        TEXT NOT NULL,
        channel     TEXT NOT NULL,
        ts          TEXT,
        text        TEXT NOT NULL,
        blocks      TEXT,
        meta        TEXT,
        state       TEXT NOT NULL DEFAULT 'pending', -- pending | dead (delivered jobs are deleted)
        attempts    INTEGER NOT NULL DEFAULT 0,
        next_at     INTEGER NOT NULL,
        last_error  TEXT
      );
      CREATE INDEX IF NOT EXISTS outbox_jobs_due ON outbox_jobs(state, next_at);
      CREATE INDEX IF NOT EXISTS outbox_jobs_key ON outbox_jobs(key, state);
    `);
  }

  /**
   * Queue a job, or fold it into the pending job of its key that is not being
   * sent: the content is replaced, a pending post stays a post.
   */
  enqueue(job: OutboxJob, now: number, sendingId: number | undefined): number {
    return this.db.transaction(() => {
      const pending = this.db
        .prepare(`SELECT * FROM outbox_jobs WHERE key = ? AND state = 'pending' AND id IS NOT ? ORDER BY id DESC LIMIT 1`)
        .get(job.key, sendingId ?? null) as JobRow | undefined;
      const blocks = job.blocks === undefined ? null : JSON.stringify(job.blocks);
      const meta = job.meta === undefined ? null : JSON.stringify(job.meta);
      if (pending) {
        this.db
          .prepare(`UPDATE outbox_jobs SET channel = ?, ts = coalesce(?, ts), text = ?, blocks = ?, meta = coalesce(?, meta) WHERE id = ?`)
          .run(job.channel, job.ts ?? null, job.text, blocks, meta, pending.id);
        return pending.id;
      }
      const result = this.db
        .prepare(`INSERT INTO outbox_jobs (key, kind, channel, ts, text, blocks, meta, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(job.key, job.kind, job.channel, job.ts ?? null, job.text, blocks, meta, now);
      return Number(result.lastInsertRowid);
    })();
  }

  /** The next due job whose key has no earlier job still waiting (jobs of one key go in order). */
  nextDue(now: number): StoredJob | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM outbox_jobs j
          WHERE j.state = 'pending' AND j.next_at <= ?
            AND NOT EXISTS (SELECT 1 FROM outbox_jobs e WHERE e.key = j.key AND e.state = 'pending' AND e.id < j.id)
          ORDER BY j.next_at, j.id LIMIT 1`,
      )
      .get(now) as JobRow | undefined;
    return row && fromRow(row);
  }

  /** When the earliest pending job falls due, if any is pending. */
  nextWakeAt(): number | undefined {
    const at = this.db.prepare(`SELECT min(next_at) FROM outbox_jobs WHERE state = 'pending'`).pluck().get() as number | null;
    return at ?? undefined;
  }

  /** Delivered: drop the job; a post hands its ts to the updates queued behind it. */
  delivered(job: StoredJob, ts: string | undefined): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM outbox_jobs WHERE id = ?').run(job.id);
      if (job.kind === 'post' && ts) {
        this.db.prepare(`UPDATE outbox_jobs SET ts = ? WHERE key = ? AND kind = 'update' AND ts IS NULL AND state = 'pending'`).run(ts, job.key);
      }
    })();
  }

  retryAt(job: StoredJob, nextAt: number, error: string): void {
    this.db.prepare('UPDATE outbox_jobs SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?').run(nextAt, error, job.id);
  }

  deadLetter(job: StoredJob, reason: string): void {
    this.db.prepare(`UPDATE outbox_jobs SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`).run(reason, job.id);
  }

  list(state: StoredJob['state']): StoredJob[] {
    return (this.db.prepare('SELECT * FROM outbox_jobs WHERE state = ? ORDER BY id').all(state) as JobRow[]).map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}
