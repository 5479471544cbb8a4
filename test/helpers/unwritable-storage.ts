// Storage that refuses writes, for the tests of a hub whose data file cannot
// be written: a read-only file and a full filesystem, both real. A plain chmod
// does not stop root, so as root a file is made immutable (chattr +i) instead;
// a full disk is a small tmpfs mounted for the test. Where this machine allows
// neither (no root, no chattr), the probes below say so and those tests skip.
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = () => process.getuid?.() === 0;

/** Makes `file` refuse writes to everyone, root included; returns how to undo it. */
export function makeReadOnly(file: string): () => void {
  if (isRoot()) {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore', timeout: 5_000 });
    return () => execFileSync('chattr', ['-i', file], { stdio: 'ignore', timeout: 5_000 });
  }
  chmodSync(file, 0o444);
  return () => chmodSync(file, 0o644);
}

function writable(file: string): boolean {
  try {
    closeSync(openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}

/** Whether makeReadOnly works here: tried once on a scratch file. */
export const canMakeReadOnly: boolean = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'wf-ro-probe-'));
  const file = join(dir, 'probe');
  writeFileSync(file, 'x');
  try {
    const undo = makeReadOnly(file);
    const refused = !writable(file);
    undo();
    return refused;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

export interface TinyFilesystem {
  dir: string;
  /** Writes a filler file until the filesystem is full; returns how to free it again. */
  fill(): () => void;
  /** Unmounts and removes the mount point. */
  remove(): void;
}

/** A tmpfs of `sizeKiB` on a fresh directory, or undefined where mounting is not permitted. */
export function mountTinyFilesystem(sizeKiB: number): TinyFilesystem | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'wf-tinyfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir], { stdio: 'ignore', timeout: 5_000 });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    fill() {
      const filler = join(dir, 'filler');
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
      // The last partial chunk: down to the last byte.
      const fd2 = openSync(filler, 'a');
      try {
        for (;;) writeSync(fd2, Buffer.alloc(512, 1));
      } catch {
        // full
      } finally {
        closeSync(fd2);
      }
      return () => rmSync(filler, { force: true });
    },
    remove() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore', timeout: 5_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a tmpfs can be mounted here: tried once. */
export const canMountTmpfs: boolean = (() => {
  const fs = mountTinyFilesystem(64);
  fs?.remove();
  return fs !== undefined;
})();
