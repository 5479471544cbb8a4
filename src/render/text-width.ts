// How many terminal columns a string takes: escape codes take none, nor do
// combining marks (Arabic tashkeel); wide East Asian text is not expected in
// site names, so every other code point counts one.
import { stripVTControlCharacters } from 'node:util';

export function visibleWidth(s: string): number {
  let n = 0;
  for (const ch of stripVTControlCharacters(s)) if (!/\p{M}/u.test(ch)) n++;
  return n;
}
