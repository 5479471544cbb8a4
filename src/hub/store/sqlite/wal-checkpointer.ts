// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs
// inside whichever COMMIT crosses its threshold, and a checkpoint copies the
// WAL into the database file and fsyncs both: on the hub's one connection
// that is the event loop blocked for 5 to 100+ ms (measured under bench/
// fanout.mjs, about once a second with the demo running) — an ack, and every
// event stream, waiting on the disk. So the hub's connection never
// checkpoints; once the WAL passes a size, a connection of its own in a
// worker thread does (PASSIVE: it never waits for, nor holds up, a writer or
// a reader). Stores that never write that much (most tests) never start one.
// If the worker cannot run, the connection checkpoints by itself again, as
// before. Durability is unchanged: a commit is in the WAL either way.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

export interface WalCheckpointer {
  close(): Promise<void>;
}

export interface WalCheckpointerOptions {
  /** A WAL at least this big is checkpointed. Default 1 MiB (SQLite's own is 1,000 pages, about 4 MiB). */
  thresholdBytes?: number;
  /** How often the WAL's size is looked at. Default 200 ms. */
  everyMs?: number;
}

// SQLite's default, restored if the worker fails.
const AUTOCHECKPOINT_PAGES = 1_000;

// CommonJS, run by the worker: one connection, a PASSIVE checkpoint per message, closed on 'close'.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
parentPort.on('message', (msg) => {
  if (msg === 'close') { db.close(); parentPort.close(); return; }
  let failed;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { failed = String(e); }
  parentPort.postMessage({ failed });
});
`;

export function startWalCheckpointer(db: Database.Database, file: string, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const threshold = options.thresholdBytes ?? 1024 * 1024;
  db.pragma('wal_autocheckpoint = 0');
  let worker: Worker | undefined;
  let busy = false;
  let failed = false;

  const fallBack = () => {
    if (failed) return;
    failed = true;
    clearInterval(timer);
    void worker?.terminate();
    worker = undefined;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };

  const start = (): Worker => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    w.unref();
    w.on('message', (msg: { failed?: string }) => {
      busy = false;
      if (msg.failed) fallBack();
    });
    w.on('error', fallBack);
    w.on('exit', () => {
      if (worker === w) fallBack();
    });
    return w;
  };

  const walBytes = () => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };

  const timer = setInterval(() => {
    if (busy || failed || walBytes() < threshold) return;
    busy = true;
    worker ??= start();
    worker.postMessage('checkpoint');
  }, options.everyMs ?? 200);
  timer.unref();

  return {
    async close() {
      clearInterval(timer);
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise((resolve) => w.once('exit', resolve));
      // Unref'd while the hub runs (it must not keep a stopping process alive);
      // waited for here, it must keep the event loop running until it has
      // exited, or a hub stopping mid-checkpoint ends with this unsettled.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}
