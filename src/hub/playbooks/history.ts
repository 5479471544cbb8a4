// `playbook history ID`: every version of a playbook the hub has loaded, when
// each was first seen, and which runs used it. Runs live in the runner's
// journal, which records each run's playbook id and hash: that pair is the
// join. The runner hands its journal in as a PlaybookRunLookup (HubContext
// .playbookRuns); without one, the versions show with no runs.
import type { PlaybookHistory, PlaybookVersionRun } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { PlaybookCatalog } from './catalog.js';

/** A run as the history needs it: which definition (by hash) it ran. */
export interface PlaybookRunRef extends PlaybookVersionRun {
  hash: string;
}

export interface PlaybookRunLookup {
  /** Every run of one playbook, any version, newest first. */
  runsOfPlaybook(playbookId: string): Promise<PlaybookRunRef[]>;
}

/** undefined: the hub has never loaded a playbook of that id. */
export async function playbookHistory(
  reader: Pick<StoreReader, 'listPlaybookVersions'>,
  catalog: PlaybookCatalog,
  runs: PlaybookRunLookup | undefined,
  playbookId: string,
): Promise<PlaybookHistory | undefined> {
  const versions = await reader.listPlaybookVersions(playbookId);
  const current = catalog.get(playbookId);
  if (versions.length === 0 && !current) return undefined;
  const used = runs ? await runs.runsOfPlaybook(playbookId) : [];
  return {
    playbookId: current?.definition.id ?? versions[0]!.playbookId,
    versions: versions.map((v) => ({
      version: v.version,
      hash: v.hash,
      source: v.source,
      firstSeenAt: v.firstSeenAt,
      current: v.hash === current?.hash,
      runs: used.filter((r) => r.hash === v.hash).map(({ id, status, startedAt }) => ({ id, status, startedAt })),
    })),
  };
}
