// Text to the words intent matching compares: normalised (alef forms, taa
// marbuta, diacritics, tatweel) and with Arabic's attached article and
// prepositions taken off, so "بالدمام" and "الدمام" both meet "دمام".
import { normalizeText } from '../../core/text.js';

// Longest first: "بال" before "ال". Only taken off when two letters or more remain.
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const ARABIC = /[\u0600-\u06FF]/;

export function stemWord(word: string): string {
  if (!ARABIC.test(word)) return word;
  for (const prefix of ARABIC_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) return word.slice(prefix.length);
  }
  return word;
}

export function wordsOf(text: string): string[] {
  const normal = normalizeText(text);
  return normal ? normal.split(' ').map(stemWord) : [];
}

export function isArabicText(text: string): boolean {
  return ARABIC.test(text);
}
