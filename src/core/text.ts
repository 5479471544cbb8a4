// Text normalisation for matching what people type against site names, in
// English and Arabic. Arabic is folded the way people type it on phones:
// alef forms to bare alef, taa marbuta to haa, alef maqsura to yaa, and no
// diacritics or tatweel; Persian-keyboard yeh and kaf and Arabic-Indic
// digits (what many phone keyboards send) to the Arabic letters and 0-9.

const ARABIC_DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g; // tashkeel, dagger alef, tatweel

export function normalizeText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ -> ا
    .replace(/\u0629/g, '\u0647') // ة -> ه
    .replace(/\u0649/g, '\u064A') // ى -> ي
    .replace(/\u06CC/g, '\u064A') // Persian ی -> ي
    .replace(/\u06A9/g, '\u0643') // Persian ک -> ك
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90)) // ٠-٩ ۰-۹ -> 0-9
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}
