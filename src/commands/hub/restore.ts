// `hub restore FILE`: put a backup in place of a stopped hub's data file, once
// it passes SQLite's integrity check and the audit chain (the hub's own code
// does both, loaded only here). The old file is kept aside.
import { join } from 'node:path';
import { defineVerb } from '../verb.js';
import type { RestoreResult } from './hub-module.js';

export const hubRestore = defineVerb({
  name: 'restore',
  description: "check a backup and put it in place of a stopped hub's data file (the old one is kept aside)",
  metadata: { examples: ['hub restore nightly.sqlite --data /var/lib/watchfloor/hub.sqlite', 'hub restore nightly.sqlite --check'] },
  configure(command) {
    command
      .argument('<file>', 'a backup written by `hub backup`')
      .option('--data <file>', 'the data file to replace (default <config dir>/hub.sqlite)')
      .option('--check', 'check the backup only; replace nothing');
  },
  input: ([file]: [string], { data, check }: { data?: string; check?: boolean }) => ({ file, data, check: check === true }),
  async run(input, ctx): Promise<RestoreResult> {
    const { restoreBackup } = await ctx.deps.loadHub();
    return restoreBackup({ backupFile: input.file, dataFile: input.data ?? join(ctx.deps.config.dir, 'hub.sqlite'), checkOnly: input.check });
  },
  present: {
    text: () => '',
    note: (r) =>
      r.restored
        ? `restored ${r.backupFile} to ${r.dataFile} (integrity ok, ${r.auditRows} audit rows verified)` +
          `${r.keptAs ? `; the old data file is kept as ${r.keptAs}` : ''}. ` +
          'The hub will warn at start if its checkpoint file vouches for rows the backup does not hold: those are the rows the restore rolled back.'
        : `${r.backupFile} is sound: integrity ok, ${r.auditRows} audit rows verified; nothing replaced`,
    json: (r) => r,
  },
});
