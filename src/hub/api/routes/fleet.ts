// Read-only views of the fleet: status, sites, assets.
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../core/errors.js';
import type { Site, SiteDetail } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import type { StoreReader } from '../../store/store.js';
import { buildFleetStatus, platformStatuses, siteStatuses } from '../../status/fleet-status.js';
import { loadStatusInput } from '../../status/load-status.js';
import { AssetsQuery, IdParams, NoQuery, SiteDetailQuery, SitesQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

const OPEN_INCIDENTS_LIMIT = 10_000;

export async function siteOrNotFound(store: StoreReader, id: string): Promise<Site> {
  const site = await store.getSite(id);
  if (!site) {
    throw new NotFoundError(`no site ${id}`, { hint: 'list them with `watchfloor sites list`; names and cities work too: `watchfloor status "king khalid"`, `watchfloor status haql`' });
  }
  return site;
}

export function registerFleetRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };

  app.get('/v1/status', viewer, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return buildFleetStatus(await loadStatusInput(ctx.store, ctx.now()));
  });

  app.get('/v1/sites', viewer, async (request) => {
    const q = parseInput(SitesQuery, request.query, 'query');
    return { sites: await ctx.store.listSites(q) };
  });

  app.get('/v1/sites/:id', viewer, async (request): Promise<SiteDetail> => {
    const { id } = parseInput(IdParams, request.params, 'site id');
    const { assets: shown = 'all' } = parseInput(SiteDetailQuery, request.query, 'query');
    const site = await siteOrNotFound(ctx.store, id);
    const input = await loadStatusInput(ctx.store, ctx.now(), site);
    // A big site has hundreds of assets, nearly all ok: chat draws the rest, and
    // reading, sending and parsing the whole list was most of a chat reply's cost.
    const assets = await ctx.store.listAssets({ siteId: site.id, notOk: shown === 'attention' });
    return {
      site,
      status: siteStatuses(input)[0]!,
      assets,
      assetCount: input.assetCounts.reduce((n, c) => n + c.count, 0),
      // The open incidents the status was worked out from (loadStatusInput read them for this site).
      incidents: input.openIncidents.slice(0, OPEN_INCIDENTS_LIMIT),
      // A site degraded by a national platform alone has nothing of its own to show for it: name the platform.
      platformsDown: platformStatuses(input.platforms.filter((p) => p.health !== 'ok')),
    };
  });

  app.get('/v1/assets', viewer, async (request) => {
    const q = parseInput(AssetsQuery, request.query, 'query');
    const site = q.site === undefined ? undefined : await siteOrNotFound(ctx.store, q.site);
    return { assets: await ctx.store.listAssets({ siteId: site?.id, kind: q.kind }) };
  });
}
