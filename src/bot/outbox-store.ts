// The outbox's own SQLite file: jobs waiting to be sent, jobs sent whose
// after-step (recording a card with the hub) is still due, and dead letters.
// One pending job per message key that is not being sent, so a burst of
// updates to one card collapses into its latest content; the jobs of one key
// go in order, and nothing orders jobs of different keys.
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
  /** A post whose message may already be in the channel, posted no earlier than this (epoch ms): look before posting. */
  mayExistSince?: number | undefined;
}

export interface StoredJob extends OutboxJob {
  id: number;
  attempts: number;
  /** Epoch ms before which the job is not tried. */
  nextAt: number;
  lastError: string | null;
  /** pending: to send; settling: sent, its after-step due (ts is the message's); dead: given up, lastError says why. */
  state: 'pending' | 'settling' | 'dead';
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
  may_exist_since: number | null;
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
  mayExistSince: r.may_exist_since ?? undefined,
  state: r.state as StoredJob['state'],
  attempts: r.attempts,
  nextAt: r.next_at,
  lastError: r.last_error,
});

// A pending job that is the first of its key still waiting, and whose key is not being sent.
const HEAD_OF_KEY = `j.state = 'pending' AND j.key NOT IN (SELECT value FROM json_each(@busy))
  AND NOT EXISTS (SELECT 1 FROM outbox_jobs e WHERE e.key = j.key AND e.state = 'pending' AND e.id < j.id)`;
const SETTLEABLE = `j.state = 'settling' AND j.id NOT IN (SELECT value FROM json_each(@busy))`;

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
        state       TEXT NOT NULL DEFAULT 'pending', -- pending | settling | dead (done jobs are deleted)
        attempts    INTEGER NOT NULL DEFAULT 0,
        next_at     INTEGER NOT NULL,
        last_error  TEXT
      );
      CREATE INDEX IF NOT EXISTS outbox_jobs_due ON outbox_jobs(state, next_at);
      CREATE INDEX IF NOT EXISTS outbox_jobs_key ON outbox_jobs(key, state);
    `);
    // Outbox files from before posts could be looked for in the channel.
    const columns = new Set((this.db.prepare('PRAGMA table_info(outbox_jobs)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('may_exist_since')) this.db.exec('ALTER TABLE outbox_jobs ADD COLUMN may_exist_since INTEGER');
  }

  /**
   * Queue a job, or fold it into the pending job of its key that is not being
   * sent: the content is replaced, a pending post stays a post (and keeps the
   * earliest time its message may already exist).
   */
  enqueue(job: OutboxJob, now: number, busyIds: readonly number[]): number {
    return this.db.transaction(() => {
      const pending = this.db
        .prepare(`SELECT * FROM outbox_jobs WHERE key = ? AND state = 'pending' AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1`)
        .get(job.key, JSON.stringify(busyIds)) as JobRow | undefined;
      const blocks = job.blocks === undefined ? null : JSON.stringify(job.blocks);
      const meta = job.meta === undefined ? null : JSON.stringify(job.meta);
      const since = job.mayExistSince ?? null;
      // An update for a post already sent (its after-step still due) goes to that post's message.
      const ts = job.ts ?? (job.kind === 'update' ? this.sentTs(job.key) : undefined);
      if (pending) {
        this.db
          .prepare(
            `UPDATE outbox_jobs SET channel = ?, ts = coalesce(?, ts), text = ?, blocks = ?, meta = coalesce(?, meta),
               may_exist_since = CASE WHEN may_exist_since IS NULL THEN ? ELSE min(may_exist_since, coalesce(?, may_exist_since)) END
             WHERE id = ?`,
          )
          .run(job.channel, ts ?? null, job.text, blocks, meta, since, since, pending.id);
        return pending.id;
      }
      const result = this.db
        .prepare(`INSERT INTO outbox_jobs (key, kind, channel, ts, text, blocks, meta, next_at, may_exist_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(job.key, job.kind, job.channel, ts ?? null, job.text, blocks, meta, now, since);
      return Number(result.lastInsertRowid);
    })();
  }

  private sentTs(key: string): string | undefined {
    const ts = this.db.prepare(`SELECT ts FROM outbox_jobs WHERE key = ? AND kind = 'post' AND state = 'settling' AND ts IS NOT NULL ORDER BY id DESC LIMIT 1`).pluck().get(key);
    return (ts as string | undefined) ?? undefined;
  }

  /** The next due job to send: first of its key, its key not being sent (`busyKeys`). */
  nextDue(now: number, busyKeys: readonly string[]): StoredJob | undefined {
    const row = this.db
      .prepare(`SELECT * FROM outbox_jobs j WHERE ${HEAD_OF_KEY} AND j.next_at <= @now ORDER BY j.next_at, j.id LIMIT 1`)
      .get({ now, busy: JSON.stringify(busyKeys) }) as JobRow | undefined;
    return row && fromRow(row);
  }

  /** The next sent job whose after-step is due, not one being settled (`busyIds`). */
  nextToSettle(now: number, busyIds: readonly number[]): StoredJob | undefined {
    const row = this.db
      .prepare(`SELECT * FROM outbox_jobs j WHERE ${SETTLEABLE} AND j.next_at <= @now ORDER BY j.next_at, j.id LIMIT 1`)
      .get({ now, busy: JSON.stringify(busyIds) }) as JobRow | undefined;
    return row && fromRow(row);
  }

  /** When the next job that could be sent falls due, if one could; one behind a busy key waits for that job to end. */
  nextSendAt(busyKeys: readonly string[]): number | undefined {
    return this.earliest(HEAD_OF_KEY, busyKeys);
  }

  /** When the next sent job's after-step falls due, if one is waiting and not being settled. */
  nextSettleAt(busyIds: readonly number[]): number | undefined {
    return this.earliest(SETTLEABLE, busyIds);
  }

  private earliest(where: string, busy: readonly unknown[]): number | undefined {
    const at = this.db.prepare(`SELECT min(j.next_at) FROM outbox_jobs j WHERE ${where}`).pluck().get({ busy: JSON.stringify(busy) }) as number | null;
    return at ?? undefined;
  }

  /** Anything left to do: pending or settling jobs. */
  hasWork(): boolean {
    return this.db.prepare(`SELECT 1 FROM outbox_jobs WHERE state IN ('pending', 'settling') LIMIT 1`).get() !== undefined;
  }

  /** A post is about to be tried: from now its message may exist, even if this process dies before it hears back. */
  markTried(job: StoredJob, at: number): void {
    this.db.prepare('UPDATE outbox_jobs SET may_exist_since = coalesce(may_exist_since, ?) WHERE id = ?').run(at, job.id);
  }

  /**
   * Sent: the job is done (deleted), or settling when it has an after-step
   * due now; a post hands its ts to the updates queued behind it.
   */
  delivered(job: StoredJob, ts: string | undefined, settle: boolean, now: number): void {
    this.db.transaction(() => {
      if (settle) {
        this.db.prepare(`UPDATE outbox_jobs SET state = 'settling', ts = coalesce(?, ts), attempts = 0, next_at = ?, last_error = NULL WHERE id = ?`).run(ts ?? null, now, job.id);
      } else {
        this.db.prepare('DELETE FROM outbox_jobs WHERE id = ?').run(job.id);
      }
      if (job.kind === 'post' && ts) this.handTs(job.key, ts);
    })();
  }

  /**
   * The post's message was found already in the channel (an earlier try, or
   * a holder before us, posted it): the post counts as sent with that ts, and
   * its content goes out as an update of it, unless a newer update is queued.
   */
  adopt(job: StoredJob, ts: string, settle: boolean, now: number): void {
    this.db.transaction(() => {
      const queued = this.db.prepare(`SELECT 1 FROM outbox_jobs WHERE key = ? AND kind = 'update' AND state = 'pending'`).get(job.key);
      this.delivered(job, ts, settle, now);
      if (!queued) {
        this.db
          .prepare(`INSERT INTO outbox_jobs (key, kind, channel, ts, text, blocks, meta, next_at) VALUES (?, 'update', ?, ?, ?, ?, NULL, ?)`)
          .run(job.key, job.channel, ts, job.text, job.blocks === undefined ? null : JSON.stringify(job.blocks), now);
      }
    })();
  }

  private handTs(key: string, ts: string): void {
    this.db.prepare(`UPDATE outbox_jobs SET ts = ? WHERE key = ? AND kind = 'update' AND ts IS NULL AND state = 'pending'`).run(ts, key);
  }

  /** Try again at `nextAt`; for a post, what is now known of whether its message may exist. */
  retryAt(job: StoredJob, nextAt: number, error: string, mayExistSince: number | undefined = job.mayExistSince): void {
    this.db
      .prepare('UPDATE outbox_jobs SET attempts = attempts + 1, next_at = ?, last_error = ?, may_exist_since = ? WHERE id = ?')
      .run(nextAt, error, mayExistSince ?? null, job.id);
  }

  /** The after-step is done: the job leaves the outbox. */
  settled(job: StoredJob): void {
    this.db.prepare('DELETE FROM outbox_jobs WHERE id = ?').run(job.id);
  }

  deadLetter(job: StoredJob, reason: string): void {
    this.db.prepare(`UPDATE outbox_jobs SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ?`).run(reason, job.id);
  }

  /** Drop the pending jobs of a key (not those being sent): the message is someone else's to send now. */
  dropKey(key: string, busyIds: readonly number[]): number {
    return this.db
      .prepare(`DELETE FROM outbox_jobs WHERE key = ? AND state = 'pending' AND id NOT IN (SELECT value FROM json_each(?))`)
      .run(key, JSON.stringify(busyIds)).changes;
  }

  list(state: StoredJob['state']): StoredJob[] {
    return (this.db.prepare('SELECT * FROM outbox_jobs WHERE state = ? ORDER BY id').all(state) as JobRow[]).map(fromRow);
  }

  close(): void {
    this.db.close();
  }
}
