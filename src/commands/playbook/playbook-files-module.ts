// What `playbook validate` needs from the hub's loader, which it loads only
// with import() through the entry: the same reading and checks the hub makes
// at start, run here on files, with no hub. Kept structural so the front end
// does not import the hub's types statically.
import type { PlaybookValidation } from '../../core/model/playbook-catalog.js';

export interface PlaybookFilesModule {
  /** Files, and the playbook files of any directory among them; duplicate ids across them are errors. */
  checkPlaybookFiles(paths: readonly string[]): PlaybookValidation;
}
