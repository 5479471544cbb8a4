// `playbook history ID`: every version of a playbook the hub has loaded, when
// each was first seen, and which runs used it. Runs live in the runner's
// journal, which records each run's playbook id and hash: that pair is the
// join (journalRuns reads it from the store).
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

/** How many runs of one playbook the history lists (newest first): enough for years of drills. */
const HISTORY_RUN_LIMIT = 1000;

/** The runs of a playbook as the runner's journal in the store records them. */
export const journalRuns = (reader: Pick<StoreReader, 'listRuns'>): PlaybookRunLookup => ({
  runsOfPlaybook: async (playbookId) =>
    (await reader.listRuns({ playbookId, limit: HISTORY_RUN_LIMIT })).map((r) => ({ id: r.id, status: r.status, startedAt: r.startedAt, hash: r.playbookHash })),
});

/** undefined: the hub has never loaded a playbook of that id. */
export async function playbookHistory(
  reader: Pick<StoreReader, 'listPlaybookVersions'>,
  catalog: PlaybookCatalog,
  runs: PlaybookRunLookup,
  playbookId: string,
): Promise<PlaybookHistory | undefined> {
  const versions = await reader.listPlaybookVersions(playbookId);
  const current = catalog.get(playbookId);
  if (versions.length === 0 && !current) return undefined;
  const used = await runs.runsOfPlaybook(playbookId);
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
