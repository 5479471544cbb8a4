// Proposing playbooks for incidents. When an incident opens, each playbook
// whose triggers match is announced on the event stream (`playbook.proposed`)
// in the same transaction that stores the incident, so a proposal is never
// lost nor made twice, whichever hub took the alert; auto-runs start in that
// transaction too (auto-runs.ts). An incident's detail lists what matches it now, so a
// playbook added later is proposed for incidents already open.
import type { Incident, PlaybookProposal, PlaybookProposedEvent } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { Emit } from '../transact.js';
import type { PlaybookCatalog } from './catalog.js';
import { playbookSummary } from './summaries.js';
import { incidentFacts, matchingPlaybooks, type PlaybookMatch } from './triggers.js';

/** Announces each match; hands them back for the auto-runs (auto-runs.ts), in the same transaction. */
export async function proposeOnOpen(reader: Pick<StoreReader, 'getSite' | 'getAsset'>, emit: Emit, catalog: PlaybookCatalog, incident: Incident): Promise<PlaybookMatch[]> {
  const matches = matchingPlaybooks(catalog, await incidentFacts(reader, incident));
  for (const { entry, index } of matches) {
    const event: PlaybookProposedEvent = {
      incidentId: incident.id,
      siteId: incident.siteId,
      playbookId: entry.definition.id,
      version: entry.definition.version,
      hash: entry.hash,
      auto: entry.definition.auto,
      trigger: { index, match: entry.definition.triggers[index]!.match },
    };
    emit('playbook.proposed', event);
  }
  return matches;
}

export async function incidentProposals(reader: Pick<StoreReader, 'getSite' | 'getAsset'>, catalog: PlaybookCatalog, incident: Incident): Promise<PlaybookProposal[]> {
  return matchingPlaybooks(catalog, await incidentFacts(reader, incident)).map(({ entry, index }) => ({
    playbook: playbookSummary(entry),
    trigger: { index, match: entry.definition.triggers[index]!.match },
  }));
}
