// Which place a question's leftover words name: one site (by id, by its whole
// name or its city, or by words of its English or Arabic name, city and kind,
// typos forgiven), a region, several sites that fit equally well, or nothing.
import { compareOrdinal } from '../../core/ordinal.js';
import type { Site } from '../../core/model.js';
import { exactSites } from '../../core/site-match.js';
import { editDistance, normalizeText } from '../../core/text.js';
import { SITE_KINDS } from '../../core/vocabulary.js';
import { labelsFor } from '../../render/labels.js';
import { KIND_WORDS, placeWords, REGION_ALIASES } from './words.js';
import { wordsOf } from './words-of.js';

export type PlaceMatch =
  | { kind: 'site'; site: Site }
  | { kind: 'region'; region: string; sites: Site[] }
  /** Several sites fit as well as each other (best first), or none fit fully and these came nearest. */
  | { kind: 'ambiguous'; sites: Site[] }
  | { kind: 'none' };

// A typed word meets a name's word when equal, or one letter off (two for long words).
function wordsMeet(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length < 4) return false;
  return editDistance(typed, word) <= (typed.length >= 8 ? 2 : 1);
}

function siteWords(site: Site): string[] {
  const city = [...wordsOf(site.city), ...(site.cityAr ? wordsOf(site.cityAr) : [])];
  return [...wordsOf(site.id), ...wordsOf(site.name.en), ...wordsOf(site.name.ar), ...city, ...KIND_WORDS[site.kind]];
}

// A name as a question's place words are read: folded, stemmed, without the words a question drops.
const asPlaceWords = (text: string) => placeWords(wordsOf(text)).join(' ');

const KIND_ORDER = new Map(SITE_KINDS.map((k, i) => [k, i]));

/** Ports before service centres, then shorter (plainer) names first: "Jeddah" suggests the airport first. */
function plainFirst(a: Site, b: Site): number {
  return KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! || a.name.en.length - b.name.en.length || compareOrdinal(a.id, b.id);
}

export function matchSite(sites: readonly Site[], words: readonly string[]): PlaceMatch {
  if (!words.length) return { kind: 'none' };
  const phrase = words.join(' ');
  const byId = sites.find((s) => normalizeText(s.id) === phrase);
  if (byId) return { kind: 'site', site: byId };
  // A site's whole name, or its city, is that site (or that city's sites) before any word-by-word fit.
  const exact = exactSites(sites, phrase, asPlaceWords);
  if (exact.length === 1) return { kind: 'site', site: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', sites: exact.sort(plainFirst) };

  const scored = sites.map((site) => {
    const own = siteWords(site);
    return { site, covered: words.filter((w) => own.some((o) => wordsMeet(w, o))).length };
  });
  const best = Math.max(...scored.map((s) => s.covered));
  if (best === 0) return { kind: 'none' };
  let top = scored.filter((s) => s.covered === best).map((s) => s.site);
  if (best < words.length) return { kind: 'ambiguous', sites: top.sort(plainFirst) };
  // "Jeddah airport" fits the airport and its Hajj terminal; the terminal's
  // name only adds to the airport's, so the plain name is the one meant.
  top = top.filter((s) => !top.some((o) => o !== s && nameExtends(s, o)));
  return top.length === 1 ? { kind: 'site', site: top[0]! } : { kind: 'ambiguous', sites: top.sort(plainFirst) };
}

function nameExtends(longer: Site, shorter: Site): boolean {
  const a = normalizeText(longer.name.en);
  const b = normalizeText(shorter.name.en);
  return a !== b && a.includes(b);
}

/** A region named in full or by a word of its English or Arabic name (Makkah, مكة, Eastern). */
export function matchRegion(sites: readonly Site[], words: readonly string[]): PlaceMatch {
  if (!words.length) return { kind: 'none' };
  const regions = [...new Set(sites.map((s) => s.region))];
  const ar = labelsFor('ar');
  const hits = regions.filter((region) => {
    const own = [...wordsOf(region), ...wordsOf(ar.region(region)), ...wordsOf('region منطقه')];
    const aliased = words.map((w) => REGION_ALIASES[w]);
    return words.every((w, i) => aliased[i] === region || own.some((o) => wordsMeet(w, o)));
  });
  // "region"/"منطقة" alone names every region: not an answer.
  if (hits.length !== 1) return { kind: 'none' };
  const region = hits[0]!;
  return { kind: 'region', region, sites: sites.filter((s) => s.region === region) };
}
