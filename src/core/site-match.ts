// Resolve what a person typed to one site: an exact id (any case) wins, then
// a name fragment in English or Arabic that picks out a single site.
import type { Site } from './model.js';
import { editDistance, normalizeText } from './text.js';

export interface SiteMatch {
  site: Site | undefined;
  /** Set when nothing matched exactly: the nearest sites, best first. */
  suggestions: Site[];
  /** True when the fragment matched several sites equally well. */
  ambiguous: boolean;
}

const MAX_SUGGESTIONS = 5;

export function resolveSite(sites: readonly Site[], typed: string): SiteMatch {
  const q = typed.trim();
  const byId = sites.find((s) => s.id.toLowerCase() === q.toLowerCase());
  if (byId) return { site: byId, suggestions: [], ambiguous: false };

  const nq = normalizeText(q);
  if (!nq) return { site: undefined, suggestions: [], ambiguous: false };

  const names = (s: Site) => [normalizeText(s.name.en), normalizeText(s.name.ar), normalizeText(s.city)];
  const fragmentHits = sites.filter((s) => names(s).slice(0, 2).some((n) => n.includes(nq)));
  if (fragmentHits.length === 1) return { site: fragmentHits[0], suggestions: [], ambiguous: false };
  if (fragmentHits.length > 1) {
    // A fragment that is a whole name of one site ("Riyadh" vs "Riyadh North") still picks it.
    const whole = fragmentHits.filter((s) => names(s).slice(0, 2).includes(nq));
    if (whole.length === 1) return { site: whole[0], suggestions: [], ambiguous: false };
    return { site: undefined, suggestions: fragmentHits.slice(0, MAX_SUGGESTIONS), ambiguous: true };
  }

  // Nothing contains the text: suggest the nearest by edit distance over ids,
  // names and their words, so "RHU" suggests RUH and "jedah" suggests Jeddah.
  const score = (s: Site) => {
    const candidates = [s.id.toLowerCase(), ...names(s), ...names(s).flatMap((n) => n.split(' '))];
    return Math.min(...candidates.map((c) => editDistance(nq, c)));
  };
  const scored = sites
    .map((s) => ({ s, d: score(s) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(nq.length / 3)))
    .sort((a, b) => a.d - b.d || a.s.id.localeCompare(b.s.id));
  return { site: undefined, suggestions: scored.slice(0, MAX_SUGGESTIONS).map(({ s }) => s), ambiguous: false };
}
