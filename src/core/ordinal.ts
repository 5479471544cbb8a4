// Ordering by code point, for ids, codes, ISO times and English keys.
// `localeCompare` looks right but its first call loads ICU's collation data —
// ~15 ms of a read command's cold start, more than `node -e 0` spends in a
// third of its run — and its order moves with the machine's locale. Our ids
// are ASCII, so code-point order is both cheaper and the same everywhere.

/** -1, 0 or 1 as `a` sorts before, with or after `b` by UTF-16 code unit. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
