// A catalogue entry as the wire shows it: the summary every list and proposal
// carries, and the detail with the whole definition.
import type { PlaybookDetail, PlaybookSummary } from '../../core/model.js';
import type { CatalogEntry } from './catalog.js';

export function playbookSummary({ definition: d, hash, source }: CatalogEntry): PlaybookSummary {
  return {
    id: d.id,
    version: d.version,
    title: d.title,
    description: d.description,
    severity: d.severity,
    scope: d.scope,
    triggers: d.triggers,
    auto: d.auto,
    source,
    hash,
    steps: d.steps.length,
    drillOnlySteps: d.steps.filter((s) => s.type === 'inject').length,
  };
}

export function playbookDetail(entry: CatalogEntry): PlaybookDetail {
  return { ...playbookSummary(entry), definition: entry.definition };
}
