// Asset ids as people type them: `ruh/egate-07` is RUH/egate-07. Site ids are
// upper case, the national platforms live under `platform/`, kinds are lower case.
import { compareOrdinal } from '../core/ordinal.js';
import { UsageError } from '../core/errors.js';
import type { Asset } from '../core/model.js';
import { editDistance } from '../core/text.js';

export function normalizeAssetId(text: string): string {
  const m = /^\s*([^/\s]+)\/([^/\s]+)\s*$/.exec(text);
  if (!m) throw new UsageError(`not an asset id: ${text}`, { hint: 'write it as SITE/ASSET, e.g. RUH/egate-07 or platform/visa' });
  const site = m[1]!.toLowerCase() === 'platform' ? 'platform' : m[1]!.toUpperCase();
  return `${site}/${m[2]!.toLowerCase()}`;
}

/** The nearest ids to what was typed, best first (for "did you mean"). */
export function nearestAssetIds(typed: string, assets: readonly Pick<Asset, 'id'>[], max = 5): string[] {
  const q = typed.toLowerCase();
  return assets
    .map((a) => ({ id: a.id, d: editDistance(q, a.id.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || compareOrdinal(a.id, b.id))
    .slice(0, max)
    .map((a) => a.id);
}
