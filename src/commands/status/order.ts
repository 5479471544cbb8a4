// Worst first: what needs a duty officer's eyes goes at the top.
import { compareOrdinal } from '../../core/ordinal.js';
import type { SiteStatus } from '../../core/model.js';
import type { Health } from '../../core/vocabulary.js';

const HEALTH_RANK: Record<Health, number> = { down: 0, degraded: 1, ok: 2 };

export function worstFirst(a: SiteStatus, b: SiteStatus): number {
  const ia = a.openIncidents;
  const ib = b.openIncidents;
  return (
    HEALTH_RANK[a.health] - HEALTH_RANK[b.health] ||
    ib.sev1 - ia.sev1 ||
    ib.sev2 - ia.sev2 ||
    ib.sev3 - ia.sev3 ||
    ib.sev4 - ia.sev4 ||
    (b.waitMinutes ?? -1) - (a.waitMinutes ?? -1) ||
    compareOrdinal(a.id, b.id)
  );
}
