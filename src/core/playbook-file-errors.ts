// One problem in a playbook file as one line, the way compilers and editors
// name a place: `playbooks/egate.yaml:14: steps[2].timeout: a duration like
// 30s, 5m, 2h or 1d`. The hub logs these, `playbook validate` prints them, and
// POST /v1/playbooks/validate answers the same objects. No zod: the CLI prints these.
import type { PlaybookFileError } from './model/playbook-catalog.js';

export function formatPlaybookError(e: PlaybookFileError): string {
  const where = e.line === null ? e.file : `${e.file}:${e.line}`;
  return e.field ? `${where}: ${e.field}: ${e.message}` : `${where}: ${e.message}`;
}
