// Machine intake (telemetry, survey answers) names sites by id; a batch with
// one unknown id is refused whole, so a sender with a wrong inventory hears
// of it at once rather than losing part of what it sent.
import { UsageError } from '../core/errors.js';
import type { StoreReader } from './store/store.js';

/** Each id as the inventory spells it, in order; a UsageError naming every unknown one. */
export async function canonicalSiteIds(store: Pick<StoreReader, 'listSites'>, ids: readonly string[]): Promise<string[]> {
  const known = new Map((await store.listSites()).map((s) => [s.id.toUpperCase(), s.id]));
  const unknown = [...new Set(ids.filter((id) => !known.has(id.toUpperCase())))];
  if (unknown.length > 0) {
    throw new UsageError(`unknown site id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, {
      hint: 'nothing was stored; list the sites with `watchfloor sites list`',
      details: { unknownSites: unknown },
    });
  }
  return ids.map((id) => known.get(id.toUpperCase())!);
}
