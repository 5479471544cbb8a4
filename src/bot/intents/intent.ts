// A free-text question read deterministically: what is asked (status, wait,
// incidents) and about which place. Pure: the sites come in, nothing is fetched.
import type { Site } from '../../core/model.js';
import { matchRegion, matchSite, type PlaceMatch } from './place.js';
import { FLEET_WORDS, INTENT_WORDS, OPEN_WORDS, placeWords as placeWordsOf, type IntentKind } from './words.js';
import { wordsOf } from './words-of.js';

export interface Intent {
  /** null: the question names no intent we know (a bare site name, or chatter). */
  kind: IntentKind | null;
  place: PlaceMatch | { kind: 'fleet' };
  /** The words left to name the place, for "no site matches …". */
  placeText: string;
}

const INTENT_ORDER: readonly IntentKind[] = ['wait', 'incidents', 'status'];

export function readIntent(text: string, sites: readonly Site[]): Intent {
  const words = wordsOf(text);
  const has = (list: readonly string[]) => words.some((w) => list.includes(w));
  // Wait and incidents are more specific than status: "status of the queue" asks for the wait.
  let kind: IntentKind | null = INTENT_ORDER.find((k) => has(INTENT_WORDS[k])) ?? null;
  if (!kind && has(OPEN_WORDS)) kind = 'incidents';

  const placeWords = placeWordsOf(words);
  const placeText = placeWords.join(' ');
  const specific = placeWords.filter((w) => !FLEET_WORDS.includes(w));
  if (!specific.length) return { kind, place: placeWords.length || kind ? { kind: 'fleet' } : { kind: 'none' }, placeText };

  // A region's name wins over the cities inside it: "incidents in Makkah" is the region.
  const region = matchRegion(sites, specific);
  if (region.kind === 'region') return { kind, place: region, placeText };
  return { kind, place: matchSite(sites, specific), placeText };
}
