// `hub backup FILE`: a consistent copy of a running hub's store, taken by the
// hub (SQLite's online backup) and streamed here, so it works the same for a
// hub on another machine. Written beside FILE first and renamed into place
// only once complete, so FILE is never half a backup; 0600, as the data file.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { ConflictError, HubError, UsageError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

async function writeBackup(chunks: AsyncIterable<Buffer>, file: string): Promise<Omit<BackupResult, 'file'>> {
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`;
  let fd: number;
  try {
    fd = openSync(partial, 'wx', 0o600);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint: 'pick a file in a directory you can write', cause: e });
  }
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of chunks) {
      if (head.length < SQLITE_HEADER.length) head = Buffer.concat([head, chunk.subarray(0, SQLITE_HEADER.length - head.length)]);
      hash.update(chunk);
      bytes += chunk.length;
      for (let off = 0; off < chunk.length; ) off += writeSync(fd, chunk, off);
    }
    if (!head.equals(SQLITE_HEADER)) throw new HubError('the hub sent something that is not an SQLite database', { hint: 'is --hub a watchfloor hub?' });
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, file);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed above
    }
    unlinkSync(partial);
    throw e;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export const hubBackup = defineVerb({
  name: 'backup',
  description: "copy a running hub's data to FILE (admin; the hub may be remote)",
  metadata: { examples: ['hub backup /var/backups/watchfloor/hub-$(date +%F).sqlite', 'hub backup nightly.sqlite --force'] },
  configure(command) {
    command.argument('<file>', 'where the copy goes (refused if it exists, unless --force)').option('--force', 'replace FILE if it exists');
  },
  input: ([file]: [string], { force }: { force?: boolean }) => ({ file, force: force === true }),
  async run(input, ctx): Promise<BackupResult> {
    if (existsSync(input.file) && !input.force) {
      throw new ConflictError(`${input.file} already exists`, { hint: 'pick another file, or pass --force to replace it' });
    }
    const written = await writeBackup(await ctx.client().downloadBackup(), input.file);
    return { file: input.file, ...written };
  },
  present: {
    text: () => '',
    note: (r) => `backup written to ${r.file} (${r.bytes} bytes, sha256 ${r.sha256}); check it with \`watchfloor hub restore ${r.file} --data FILE --check\``,
    json: (r) => r,
  },
});
