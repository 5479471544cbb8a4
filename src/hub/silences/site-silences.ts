// Which sites are quiet now, for the fleet's status: a maintenance window on
// the site, or a silence of the whole site (one that names only the site).
// A silence of one asset or of labels leaves the site marked as it was: the
// site's other alerts still page.
import type { SiteSilence } from '../../core/model.js';
import type { SilenceRecord } from '../store/store.js';
import { endOf, silenceState } from './silence-state.js';

export function siteSilences(silences: readonly SilenceRecord[], at: string): Map<string, SiteSilence> {
  const bySite = new Map<string, SiteSilence>();
  for (const s of silences) {
    if (s.siteId === null || s.assetId !== null || s.matchers.length > 0 || silenceState(s, at) !== 'active') continue;
    const key = s.siteId.toUpperCase();
    const mark: SiteSilence = { kind: s.kind, id: s.id, until: endOf(s) };
    const held = bySite.get(key);
    const better = !held || (held.kind === 'silence' && mark.kind === 'maintenance') || (held.kind === mark.kind && mark.until > held.until);
    if (better) bySite.set(key, mark);
  }
  return bySite;
}
