// KPIs: every KPI at once (GET /v1/kpi), one in detail (GET /v1/kpi/:kpi),
// each against its target, the period before and a trend; and the survey
// answers the satisfaction KPI counts (POST /v1/surveys, intake tokens only,
// as telemetry). `kpi remote` keeps its first shape and gains the report's.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UsageError } from '../../../core/errors.js';
import { KPI_KINDS, SiteKind, SurveyAnswer, type KpiReport, type KpiSummary, type RemoteKpi } from '../../../core/model.js';
import { sinceTime } from '../../../core/time-input.js';
import type { HubContext } from '../../context.js';
import { remoteKpi } from '../../diagnostics/kpi.js';
import { computeKpi, computeKpiSummary, type KpiQuery } from '../../kpi/compute-kpis.js';
import { resolveKpiScope, inScope } from '../../kpi/scope.js';
import { ingestSurveyAnswers } from '../../kpi/survey-intake.js';
import { parseInput } from '../validate.js';

const when = z.string().trim().min(1).max(64);
const KpiQuerySchema = z
  .object({ since: when.optional(), until: when.optional(), site: z.string().trim().min(1).max(100).optional(), region: z.string().trim().min(1).max(100).optional(), kind: SiteKind.optional() })
  .strict();
const KpiParams = z.object({ kpi: z.enum(KPI_KINDS.filter((k) => k !== 'remote') as [string, ...string[]]) }).strict();
const SurveysBody = z.object({ answers: z.array(SurveyAnswer).min(1).max(1_000) }).strict();
const DEFAULT_WINDOW = '24h';

function kpiQuery(raw: unknown, now: Date): KpiQuery {
  const q = parseInput(KpiQuerySchema, raw, 'query');
  const since = sinceTime(q.since ?? DEFAULT_WINDOW, now);
  const until = q.until === undefined ? now.toISOString() : sinceTime(q.until, now, 'until');
  if (since >= until) throw new UsageError(`since (${since}) must be before until (${until})`, { hint: 'e.g. --since 48h --until 24h for the day before the last' });
  return { since, until, site: q.site, region: q.region, kind: q.kind };
}

export function registerKpiRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };

  app.get('/v1/kpi', viewer, async (request): Promise<KpiSummary> => computeKpiSummary(ctx.store, kpiQuery(request.query, ctx.now())));

  // The first KPI's own figures, then the framework's report of the same outcomes (the same filter applies to both).
  app.get('/v1/kpi/remote', viewer, async (request): Promise<RemoteKpi & KpiReport> => {
    const query = kpiQuery(request.query, ctx.now());
    const scope = await resolveKpiScope(ctx.store, query);
    const outcomes = (await ctx.store.listRemoteOutcomes(query.since, query.until)).filter((o) => inScope(scope, o.siteId));
    const report = await computeKpi(ctx.store, { ...query, kpi: 'remote' });
    return { ...remoteKpi(outcomes, query.since, query.until), ...report };
  });

  app.get('/v1/kpi/:kpi', viewer, async (request): Promise<KpiReport> => {
    const { kpi } = parseInput(KpiParams, request.params, 'KPI');
    return computeKpi(ctx.store, { ...kpiQuery(request.query, ctx.now()), kpi: kpi as KpiReport['kpi'] });
  });

  app.post('/v1/surveys', { config: { role: 'intake' as const } }, async (request) => {
    const { answers } = parseInput(SurveysBody, request.body, 'survey answers');
    return { accepted: await ingestSurveyAnswers(ctx, answers) };
  });
}
