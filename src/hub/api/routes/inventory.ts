// The inventory as code over HTTP: export what the hub holds (anyone who may
// read the fleet), plan a change (a dry run of apply) and apply it (admins:
// it adds, changes and removes sites, assets and how alerts route).
import type { FastifyInstance } from 'fastify';
import type { InventoryApplyResult, InventoryExport, InventoryPlan } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { applyFiles, planFiles } from '../../inventory/apply-inventory.js';
import { exportInventory } from '../../inventory/export-inventory.js';
import { MAX_INVENTORY_BYTES } from '../../inventory/parse-inventory.js';
import { callerOf } from '../auth.js';
import { InventoryApplyBody, InventoryPlanBody, NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

// The files travel as JSON strings: room for the largest file the reader takes, and its escaping.
const BODY_LIMIT = MAX_INVENTORY_BYTES + 1024 * 1024;

export function registerInventoryRoutes(app: FastifyInstance, ctx: HubContext): void {
  const admin = { config: { role: 'admin' as const }, bodyLimit: BODY_LIMIT };

  app.get('/v1/inventory', { config: { role: 'viewer' as const } }, async (request): Promise<InventoryExport> => {
    parseInput(NoQuery, request.query, 'query');
    return exportInventory(ctx.store);
  });

  app.post('/v1/inventory/plan', admin, async (request): Promise<{ plan: InventoryPlan }> => {
    const { files } = parseInput(InventoryPlanBody, request.body, 'inventory');
    return { plan: await planFiles(ctx.store, files) };
  });

  app.post('/v1/inventory/apply', admin, async (request): Promise<InventoryApplyResult> => {
    const { files, force } = parseInput(InventoryApplyBody, request.body, 'inventory');
    return applyFiles(ctx, callerOf(request), files, force ?? false);
  });
}
