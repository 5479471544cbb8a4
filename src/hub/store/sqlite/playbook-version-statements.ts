// The SQLite statements of the playbook versions a hub has loaded.
import type { PlaybookDefinition } from '../../../core/model.js';
import type { PlaybookVersionReader, PlaybookVersionRecord, PlaybookVersionWriter } from '../playbook-version-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface PlaybookVersionRow {
  playbook_id: string;
  version: number;
  hash: string;
  source: string;
  first_seen_at: string;
  definition: string;
}

const versionFromRow = (r: PlaybookVersionRow): PlaybookVersionRecord => ({
  playbookId: r.playbook_id,
  version: r.version,
  hash: r.hash,
  source: r.source,
  firstSeenAt: r.first_seen_at,
  definition: JSON.parse(r.definition) as PlaybookDefinition,
});

export function playbookVersionStatements(sql: Prepare): Synchronous<PlaybookVersionReader & PlaybookVersionWriter> {
  return {
    listPlaybookVersions(playbookId: string): PlaybookVersionRecord[] {
      const rows = sql('SELECT * FROM playbook_versions WHERE playbook_id = ? ORDER BY seq DESC').all(playbookId) as PlaybookVersionRow[];
      return rows.map(versionFromRow);
    },

    recordPlaybookVersion(record: PlaybookVersionRecord): boolean {
      const result = sql(
        `INSERT INTO playbook_versions (playbook_id, version, hash, source, first_seen_at, definition)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (playbook_id, hash) DO NOTHING`,
      ).run(record.playbookId, record.version, record.hash, record.source, record.firstSeenAt, JSON.stringify(record.definition));
      return result.changes > 0;
    },
  };
}
