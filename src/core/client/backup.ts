// The hub's backup: a consistent copy of its store, streamed (admin only).
// The caller writes it where it wants; nothing here touches a file.
import type { HubConnection } from './connection.js';

/** Silence this long mid-copy ends the download: the hub sends pages as fast as it reads them. */
const BACKUP_IDLE_MS = 60_000;

export function backupCalls(hub: HubConnection) {
  return {
    /** The backup's bytes, as the hub sends them. */
    async downloadBackup(): Promise<AsyncIterable<Buffer>> {
      try {
        return await hub.openStream({ method: 'POST', path: '/v1/admin/backup', accept: 'application/vnd.sqlite3', bodyTimeoutMs: BACKUP_IDLE_MS });
      } catch (e) {
        throw hub.translate(e);
      }
    },
  };
}

export type BackupCalls = ReturnType<typeof backupCalls>;
