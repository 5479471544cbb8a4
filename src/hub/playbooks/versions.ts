// At start the hub records every playbook definition it loaded, once per
// (id, hash), so `playbook history` can show each version and when it was
// first seen, and runs can be joined to the definition they ran. A definition
// first seen is audited (what the hub may do changed); one whose content
// changed while its version number did not is a warning: the history cannot
// tell the two apart by number, and a drill scored on one is not the other.
import { SYSTEM, refOf } from '../caller.js';
import type { TransactDeps } from '../transact.js';
import { transact } from '../transact.js';
import type { CatalogEntry } from './catalog.js';

const short = (hash: string) => hash.slice(0, 12);

/** Records the catalogue's versions; returns the warnings to log. */
export async function recordPlaybookVersions(deps: TransactDeps, entries: readonly CatalogEntry[]): Promise<string[]> {
  const at = deps.now().toISOString();
  return transact(deps, async (tx) => {
    const warnings: string[] = [];
    for (const { definition, hash, source } of entries) {
      const earlier = await tx.listPlaybookVersions(definition.id);
      const isNew = await tx.recordPlaybookVersion({ playbookId: definition.id, version: definition.version, hash, source, firstSeenAt: at, definition });
      if (!isNew) continue;
      const sameNumber = earlier.find((v) => v.version === definition.version && v.hash !== hash);
      if (sameNumber) {
        warnings.push(
          `warning: playbook ${definition.id} changed (${short(sameNumber.hash)} → ${short(hash)}) but is still version ${definition.version}; ` +
            `give an edited playbook the next version number (${source})`,
        );
      }
      await tx.appendAudit({
        at,
        actor: refOf(SYSTEM.actor),
        channel: SYSTEM.channel,
        action: 'playbook.loaded',
        target: definition.id,
        detail: { version: definition.version, hash, source },
      });
    }
    return warnings;
  });
}
