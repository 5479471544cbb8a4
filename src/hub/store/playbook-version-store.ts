// The versions of playbooks this hub (or another over the same database) has
// loaded: each distinct definition once, by playbook id and hash, with the
// version it claimed, where it came from and when it was first seen. A run
// records its playbook's id and hash, which is how `playbook history` joins
// runs to versions; the definition is kept so an old version can be read
// after its file has changed.
import type { PlaybookDefinition } from '../../core/model.js';

export interface PlaybookVersionRecord {
  playbookId: string;
  version: number;
  hash: string;
  source: string;
  firstSeenAt: string;
  definition: PlaybookDefinition;
}

export interface PlaybookVersionReader {
  /** Every version of one playbook seen, newest first (by when first seen). */
  listPlaybookVersions(playbookId: string): Promise<PlaybookVersionRecord[]>;
}

export interface PlaybookVersionWriter {
  /** Records a version the first time its (playbook id, hash) is seen; false when it was already there. */
  recordPlaybookVersion(record: PlaybookVersionRecord): Promise<boolean>;
}
