// Auto-runs' switch: anyone may read whether the hub starts auto playbooks
// on its own (a viewer should know), only an admin may turn it on or off.
import type { FastifyInstance } from 'fastify';
import { SetAutoRunsInput } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { setAutoRuns } from '../../playbooks/auto-runs.js';
import { callerOf } from '../auth.js';
import { NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerPlaybookAutoRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const admin = { config: { role: 'admin' as const } };

  app.get('/v1/auto-runs', viewer, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return { setting: await ctx.store.getAutoRunSetting() };
  });

  app.put('/v1/auto-runs', admin, async (request) => {
    const { enabled } = parseInput(SetAutoRunsInput, request.body, 'auto-runs');
    return setAutoRuns(ctx, callerOf(request), enabled);
  });
}
