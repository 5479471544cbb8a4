// POST /v1/admin/backup: a consistent copy of the hub's store, streamed to an
// admin. Over HTTP because the hub may be on another machine than the person
// taking the backup, and only the hub may touch its data file while it runs
// (the hub is the only writer of its store). The copy is made beside the data
// file (the same disk, so no surprise of a small /tmp), sent, and deleted.
import { createReadStream, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { refOf } from '../../caller.js';
import type { HubContext } from '../../context.js';
import { transact } from '../../transact.js';
import { callerOf } from '../auth.js';
import { NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

export const BACKUP_MEDIA_TYPE = 'application/vnd.sqlite3';

export function registerBackupRoutes(app: FastifyInstance, ctx: HubContext, backupDir: string): void {
  app.post('/v1/admin/backup', { config: { role: 'admin' as const } }, async (request, reply) => {
    parseInput(NoQuery, request.query, 'query');
    const caller = callerOf(request);
    // Recorded first, so the copy holds the record of its own taking.
    const entry = await transact(ctx, (tx) =>
      tx.appendAudit({ at: ctx.now().toISOString(), actor: refOf(caller.actor), channel: caller.channel, action: 'hub.backup', target: null }),
    );
    const file = join(backupDir, `.watchfloor-backup-${randomBytes(6).toString('hex')}.sqlite`);
    const remove = () => {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    };
    try {
      await ctx.store.backupTo(file);
    } catch (e) {
      remove();
      throw e;
    }
    ctx.log(`backup taken for ${caller.actor.name} (audit seq ${entry.seq}, ${statSync(file).size} bytes)`);
    const body = createReadStream(file);
    body.once('close', remove);
    return reply
      .header('content-type', BACKUP_MEDIA_TYPE)
      .header('content-length', String(statSync(file).size))
      .header('x-watchfloor-audit-seq', String(entry.seq))
      .send(body);
  });
}
