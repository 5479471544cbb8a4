// Signs the audit chain's head and sends the checkpoint where the database
// cannot reach: the checkpoint file, the hub's log and the event stream
// (`audit.checkpoint`, for the chat bot or anyone following it to keep). It
// signs at start, whenever `everyRows` rows have been added or `everyMs` has
// passed with the head moved, when asked, and at shutdown — so what an
// attacker could rewrite unnoticed is at most the rows of the last minute
// before a crash (a clean stop signs its last row).
//
// A start that finds the file gone while the log has rows says so in the log
// and starts a new file, its first checkpoint marked `file-missing`, rather
// than refusing to start: the loss takes nothing from the rows, which the
// copies kept elsewhere still vouch for, and a command centre without its
// hub loses far more than an audit file. The warning and the marked
// checkpoint reach the log and the stream, where people see them.
import { UsageError } from '../../core/errors.js';
import type { AuditCheckpoint, CheckpointReason } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { AuditSigner } from './audit-key.js';
import { signCheckpoint, type ChainHead } from './checkpoint.js';
import { appendCheckpoint, lastCheckpointIn, readCheckpointFile } from './checkpoint-file.js';
import { startWarnings } from './start-check.js';
import type { LocatedCheckpoint } from './verify-checkpoints.js';

export interface CheckpointerOptions {
  signer: AuditSigner;
  file: string;
  store: Pick<StoreReader, 'listAudit'>;
  now: () => Date;
  log: (line: string) => void;
  /** Announces a checkpoint on the event stream. */
  publish: (checkpoint: AuditCheckpoint) => Promise<void>;
  /** Sign once this many rows were added since the last checkpoint. Default 100. */
  everyRows?: number;
  /** Sign at least this often while the head moves. Default a minute. */
  everyMs?: number;
  /** How often the head is read. Default a second. */
  pollMs?: number;
}

/** The hub's own checkpoints for a verification; `missing` when the file this hub wrote is gone. */
export interface OwnCheckpoints {
  file: string;
  lines: LocatedCheckpoint[];
  missing: boolean;
}

export interface AuditCheckpointer {
  readonly fingerprint: string;
  /** Checks the log against the last checkpoint, signs the head, starts the timer. */
  start(): Promise<void>;
  /** The newest checkpoint, signed now if the head moved since; undefined while the log is empty. */
  current(): Promise<AuditCheckpoint | undefined>;
  own(): OwnCheckpoints;
  /** Signs the head if it moved, and stops the timer. */
  stop(): Promise<void>;
}

/** A checkpoint file the hub cannot read or write stops the start, as a usage error naming it. */
function unlessUnusable<T>(file: string, fn: () => T): T {
  const fail = (e: unknown): never => {
    throw new UsageError(`cannot use the audit checkpoint file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'check the file and its directory, or pass another with --audit-checkpoints FILE',
      cause: e,
    });
  };
  try {
    const value = fn();
    return value instanceof Promise ? (value.catch(fail) as T) : value;
  } catch (e) {
    return fail(e);
  }
}

export function createCheckpointer(options: CheckpointerOptions): AuditCheckpointer {
  const { signer, file, store, now, log, publish } = options;
  const everyRows = options.everyRows ?? 100;
  const everyMs = options.everyMs ?? 60_000;
  let last: AuditCheckpoint | undefined;
  let lastWrittenAt = 0;
  // Once this hub has written the file, its disappearing is news.
  let fileExpected = false;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let started = false;

  const head = async (): Promise<ChainHead> => {
    const [row] = await store.listAudit({ limit: 1, newest: true });
    return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: '' };
  };

  const write = async (reason: CheckpointReason, at: ChainHead): Promise<AuditCheckpoint> => {
    if (fileExpected && readCheckpointFile(file) === undefined) {
      log(`audit WARNING: the checkpoint file ${file} disappeared while the hub was running; starting it again`);
      reason = 'file-missing';
    }
    const checkpoint = signCheckpoint(signer, at, now(), reason);
    appendCheckpoint(file, checkpoint);
    fileExpected = true;
    last = checkpoint;
    lastWrittenAt = Date.now();
    log(`audit checkpoint: ${JSON.stringify(checkpoint)}`);
    await publish(checkpoint).catch((e: unknown) => log(`audit: could not publish checkpoint ${checkpoint.seq}: ${String(e)}`));
    return checkpoint;
  };

  // One signing at a time, in order: the timer, a request and the shutdown never interleave.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const signIfMoved = (reason: CheckpointReason, due: (moved: number) => boolean) =>
    serial(async () => {
      const current = await head();
      const moved = current.seq - (last?.seq ?? 0);
      if (current.seq > 0 && (current.seq !== last?.seq || current.hash !== last.hash) && due(moved)) return write(reason, current);
      return last;
    });

  const tick = () =>
    signIfMoved('periodic', (moved) => moved >= everyRows || Date.now() - lastWrittenAt >= everyMs).catch((e: unknown) =>
      log(`audit: checkpoint failed: ${e instanceof Error ? e.message : String(e)}`),
    );

  return {
    fingerprint: signer.fingerprint,
    start: () =>
      serial(async () => {
        const lines = unlessUnusable(file, () => readCheckpointFile(file));
        const previous = lines && lastCheckpointIn(lines);
        const at = await head();
        const [row] = previous && previous.seq > 0 ? await store.listAudit({ afterSeq: previous.seq - 1, limit: 1 }) : [];
        const hashAtLast = previous?.seq === 0 ? previous.hash : row?.seq === previous?.seq ? row?.hash : undefined;
        for (const warning of startWarnings({ file, fileExists: lines !== undefined, last: previous, head: at, hashAtLast, fingerprint: signer.fingerprint })) {
          log(warning);
        }
        fileExpected = lines !== undefined;
        if (at.seq > 0) await unlessUnusable(file, () => write(lines === undefined ? 'file-missing' : 'start', at));
        timer = setInterval(tick, options.pollMs ?? 1_000);
        timer.unref();
        started = true;
      }),
    current: () => signIfMoved('request', () => true),
    own(): OwnCheckpoints {
      const lines = readCheckpointFile(file);
      return {
        file,
        lines: (lines ?? []).map((l) => ({ ...l, source: 'hub', index: null, file })),
        missing: lines === undefined && fileExpected,
      };
    },
    async stop() {
      clearInterval(timer);
      if (!started) return;
      started = false;
      await signIfMoved('shutdown', () => true).catch((e: unknown) =>
        log(`audit WARNING: no shutdown checkpoint: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
  };
}
