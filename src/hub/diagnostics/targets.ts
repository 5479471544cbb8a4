// What a diagnostic run is aimed at: a site (every asset there), one asset
// (SITE/asset), or an incident (its asset). An unknown target is a
// NotFoundError with suggestions, raised before any streaming starts.
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { Asset, Incident } from '../../core/model.js';
import { resolveSite } from '../../core/site-match.js';
import { editDistance } from '../../core/text.js';
import type { StoreReader } from '../store/store.js';

export interface Target {
  /** What the caller typed, resolved: a site id, an asset id or an incident id. */
  label: string;
  assets: Asset[];
  /** Set when the target was an incident: the run reports to it. */
  incident: Incident | null;
}

const INCIDENT_ID = /^INC-\d+$/i;
const MAX_SUGGESTIONS = 5;
const OPEN_LIMIT = 100_000;

function nearest(typed: string, candidates: readonly string[]): string[] {
  const t = typed.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(t, c.toLowerCase()) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(t.length / 3)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ c }) => c);
}

function notFound(what: string, suggestions: string[], fallbackHint: string, ambiguous = false): NotFoundError {
  return new NotFoundError(ambiguous ? `${what} matches more than one site` : `no ${what}`, {
    hint: suggestions.length ? `did you mean ${suggestions.join(', ')}?` : fallbackHint,
    details: { suggestions, ambiguous },
  });
}

export async function resolveTarget(store: StoreReader, typed: string): Promise<Target> {
  const text = typed.trim();
  if (INCIDENT_ID.test(text)) {
    const incident = await store.getIncident(text);
    if (!incident) throw notFound(`incident ${text}`, [], 'list them with `watchfloor incidents list`');
    const asset = incident.assetId ? await store.getAsset(incident.assetId) : undefined;
    if (!asset) {
      throw new UsageError(`${incident.id} is not about a device the hub knows, so there is nothing to diagnose`, {
        hint: incident.siteId ? `diagnose its site instead: \`watchfloor diag run ${incident.siteId}\`` : undefined,
      });
    }
    return { label: incident.id, assets: [asset], incident };
  }
  if (text.includes('/')) {
    const asset = await store.getAsset(text);
    if (asset) return { label: asset.id, assets: [asset], incident: null };
    const [sitePart = ''] = text.split('/');
    const site = await store.getSite(sitePart);
    const pool = site ? await store.listAssets({ siteId: site.id }) : await store.listAssets({ siteId: undefined });
    throw notFound(`asset ${text}`, nearest(text, pool.map((a) => a.id)), `list a site's assets with \`watchfloor status ${site?.id ?? '<site>'}\``);
  }
  const match = resolveSite(await store.listSites(), text);
  if (!match.site) {
    const what = match.ambiguous ? `"${text}"` : `site ${text}`;
    throw notFound(what, match.suggestions.map((s) => s.id), 'list them with `watchfloor sites list`', match.ambiguous);
  }
  return { label: match.site.id, assets: await store.listAssets({ siteId: match.site.id }), incident: null };
}

/** The newest open incident of each asset, for runs that were not aimed at an incident. */
export async function openIncidentsByAsset(store: StoreReader, siteId?: string): Promise<Map<string, Incident>> {
  const open = await store.listIncidents({ state: 'open', siteId, limit: OPEN_LIMIT });
  const byAsset = new Map<string, Incident>();
  // Newest first: the first seen per asset wins.
  for (const i of open) if (i.assetId && !byAsset.has(i.assetId.toLowerCase())) byAsset.set(i.assetId.toLowerCase(), i);
  return byAsset;
}
