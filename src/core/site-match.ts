// Resolve what a person typed to one site: an exact id (any case) wins, then a
// site's whole name in English or Arabic, then its city in either language,
// then a name fragment in English or Arabic that picks out a single site; and
// the same for a region (`--region makkah`, مكة), a city naming its region.
import { compareOrdinal } from './ordinal.js';
import type { Site } from './model.js';
import { SITE_KINDS } from './vocabulary.js';
import { REGION_AR } from './regions.js';
import { editDistance, normalizeText } from './text.js';

export interface SiteMatch {
  site: Site | undefined;
  /** Set when nothing matched exactly: the nearest sites, best first. */
  suggestions: Site[];
  /** True when the text matched several sites equally well (a city's sites, a shared fragment). */
  ambiguous: boolean;
}

const MAX_SUGGESTIONS = 5;
const KIND_ORDER = new Map<string, number>(SITE_KINDS.map((k, i) => [k, i]));

/** Ports before service centres, otherwise as listed: "Jeddah" offers the airport first. */
export function portsFirst(sites: readonly Site[]): Site[] {
  return [...sites].sort((a, b) => KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
}

/**
 * The sites a text names exactly: those whose whole English or Arabic name it
 * is, else those in the city it names (in English or Arabic); none when it is
 * neither. `fold` is how both sides are compared (the free-text reader folds
 * harder than the lookup). An exact name is never a fragment of another:
 * "King Abdulaziz International Airport" is JED, not also its Hajj terminal.
 */
export function exactSites(sites: readonly Site[], typed: string, fold: (text: string) => string = normalizeText): Site[] {
  const t = fold(typed);
  if (!t) return [];
  const named = sites.filter((s) => fold(s.name.en) === t || fold(s.name.ar) === t);
  if (named.length) return named;
  return portsFirst(sites.filter((s) => fold(s.city) === t || (s.cityAr && fold(s.cityAr) === t)));
}

const one = (site: Site): SiteMatch => ({ site, suggestions: [], ambiguous: false });
const several = (sites: readonly Site[]): SiteMatch => ({ site: undefined, suggestions: sites.slice(0, MAX_SUGGESTIONS), ambiguous: true });

export function resolveSite(sites: readonly Site[], typed: string): SiteMatch {
  const q = typed.trim();
  const byId = sites.find((s) => s.id.toLowerCase() === q.toLowerCase());
  if (byId) return one(byId);

  const nq = normalizeText(q);
  if (!nq) return { site: undefined, suggestions: [], ambiguous: false };

  // A city of several sites lists them, as a shared fragment does: never a guess.
  const exact = exactSites(sites, q);
  if (exact.length) return exact.length === 1 ? one(exact[0]!) : several(exact);

  const names = (s: Site) => [normalizeText(s.name.en), normalizeText(s.name.ar)];
  const fragmentHits = sites.filter((s) => names(s).some((n) => n.includes(nq)));
  if (fragmentHits.length === 1) return one(fragmentHits[0]!);
  if (fragmentHits.length > 1) return several(portsFirst(fragmentHits));

  // Nothing contains the text: suggest the nearest by edit distance over ids,
  // names, cities and their words, so "RHU" suggests RUH and "jedah" suggests Jeddah.
  const score = (s: Site) => {
    const whole = [...names(s), normalizeText(s.city), ...(s.cityAr ? [normalizeText(s.cityAr)] : [])];
    const candidates = [s.id.toLowerCase(), ...whole, ...whole.flatMap((n) => n.split(' '))];
    return Math.min(...candidates.map((c) => editDistance(nq, c)));
  };
  const scored = sites
    .map((s) => ({ s, d: score(s) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(nq.length / 3)))
    .sort((a, b) => a.d - b.d || compareOrdinal(a.s.id, b.s.id));
  return { site: undefined, suggestions: scored.slice(0, MAX_SUGGESTIONS).map(({ s }) => s), ambiguous: false };
}

export interface RegionMatch {
  region: string | undefined;
  /** Set when nothing matched exactly: the nearest regions, best first. */
  suggestions: string[];
  /** True when the text fits several regions equally well. */
  ambiguous: boolean;
}

/**
 * Resolve what a person typed after `--region` to one of the regions the sites
 * lie in, as resolveSite does for a site: the whole name in English or Arabic
 * (any case: "makkah", "مكة المكرمة"), then a fragment of one ("مكة", "eastern"),
 * then a city, which names the region it lies in ("jeddah" is Makkah).
 */
export function resolveRegion(sites: readonly Site[], typed: string): RegionMatch {
  const nq = normalizeText(typed);
  const regions = [...new Set(sites.map((s) => s.region))];
  const names = (r: string) => [normalizeText(r), ...(REGION_AR[r] ? [normalizeText(REGION_AR[r])] : [])];
  const pick = (hits: readonly string[]): RegionMatch | undefined =>
    hits.length === 0 ? undefined : hits.length === 1 ? { region: hits[0], suggestions: [], ambiguous: false } : { region: undefined, suggestions: [...hits], ambiguous: true };
  if (!nq) return { region: undefined, suggestions: [], ambiguous: false };
  const inCity = sites.filter((s) => normalizeText(s.city) === nq || (s.cityAr && normalizeText(s.cityAr) === nq));
  const found =
    pick(regions.filter((r) => names(r).includes(nq))) ??
    pick(regions.filter((r) => names(r).some((n) => n.includes(nq)))) ??
    pick([...new Set(inCity.map((s) => s.region))]);
  if (found) return found;
  const score = (r: string) => Math.min(...names(r).flatMap((n) => [n, ...n.split(' ')]).map((c) => editDistance(nq, c)));
  const near = regions
    .map((r) => ({ r, d: score(r) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(nq.length / 3)))
    .sort((a, b) => a.d - b.d || compareOrdinal(a.r, b.r));
  return { region: undefined, suggestions: near.slice(0, MAX_SUGGESTIONS).map(({ r }) => r), ambiguous: false };
}
