// A site as a request names it (an id, a name, a city: core/site-match.ts) to
// its id, or NotFoundError with the nearest ids — for every hub route that
// takes a site as people type it.
import { NotFoundError } from '../core/errors.js';
import { resolveSite } from '../core/site-match.js';
import type { StoreReader } from './store/store.js';

export async function siteIdOf(store: Pick<StoreReader, 'listSites'>, typed: string, what = 'site'): Promise<string> {
  const match = resolveSite(await store.listSites(), typed);
  if (match.site) return match.site.id;
  const suggestions = match.suggestions.map((s) => s.id);
  throw new NotFoundError(`no ${what} ${typed}`, {
    hint: suggestions.length ? `did you mean ${suggestions.join(', ')}?` : 'list them with `watchfloor sites list`',
    details: { suggestions },
  });
}
