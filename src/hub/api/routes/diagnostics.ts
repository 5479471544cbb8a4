// Remote diagnostics: a run on a target and a sweep of many assets, both
// streamed as JSON Lines. Bad input and unknown targets are refused before
// the stream starts, so they get the usual error body and status.
import type { FastifyInstance } from 'fastify';
import { DiagnoseInput, SweepInput } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import type { DiagnosticsService } from '../../diagnostics/service.js';
import { resolveTarget } from '../../diagnostics/targets.js';
import { callerOf, requireRole } from '../auth.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';
import { openNdjson } from './ndjson.js';

// Anyone who may read may look (probes, dry runs); changing a device is an
// officer's act, like acknowledging an incident. Disruptive remediations are
// checked again per action in the runner.
function requireFixRole(request: Parameters<typeof callerOf>[0], input: { fix: boolean; dryRun?: boolean }): void {
  if (input.fix && !input.dryRun) requireRole(callerOf(request), 'officer');
}

export function registerDiagnosticRoutes(app: FastifyInstance, ctx: HubContext, diagnostics: DiagnosticsService): void {
  const viewer = { config: { role: 'viewer' as const } };

  app.post('/v1/diagnostics/runs', viewer, async (request, reply) => {
    const input = parseInput(DiagnoseInput, request.body, 'diagnostic run');
    requireFixRole(request, input);
    const target = await resolveTarget(ctx.store, input.target);
    const stream = openNdjson(reply);
    try {
      await diagnostics.run(callerOf(request), target, input, (e) => stream.write(e));
    } catch (e) {
      ctx.log(`diagnostics run ${target.label}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      stream.write({ type: 'error', at: ctx.now().toISOString(), assetId: null, code: 'hub_error', message: 'the run failed in the hub' });
    } finally {
      stream.end();
    }
  });

  app.post('/v1/diagnostics/sweeps', viewer, async (request, reply) => {
    const input = parseInput(SweepInput, request.body, 'sweep');
    requireFixRole(request, input);
    const site = input.site === undefined ? undefined : await siteOrNotFound(ctx.store, input.site);
    const assets = await ctx.store.listAssets({ siteId: site?.id, kind: input.kind });
    const stream = openNdjson(reply);
    try {
      stream.write(await diagnostics.sweep(callerOf(request), assets, input, (e) => stream.write(e)));
    } catch (e) {
      ctx.log(`diagnostics sweep: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      stream.write({ type: 'error', at: ctx.now().toISOString(), assetId: null, code: 'hub_error', message: 'the sweep failed in the hub' });
    } finally {
      stream.end();
    }
  });
}
