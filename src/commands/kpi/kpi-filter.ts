// What every `kpi` verb takes — the period (--since, --until) and the scope
// (--site, --region or --kind) — and how it becomes the hub's filter: times
// read on this side by the shared rules, a region matched as `sites list`
// matches it, a site sent as typed (the hub matches it and names the nearest).
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import type { KpiFilter } from '../../core/client/kpi.js';
import { sinceTime } from '../../core/time-input.js';
import { SITE_KINDS, type SiteKind } from '../../core/vocabulary.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';

export interface KpiFilterInput {
  since?: string | undefined;
  until?: string | undefined;
  site?: string | undefined;
  region?: string | undefined;
  kind?: SiteKind | undefined;
}

export function configureKpiFilter(command: Command): void {
  command
    .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
    .addOption(completeWith(new Option('--region <region>', 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'), 'regions'))
    .addOption(new Option('--kind <kind>', 'only sites of this kind').choices(SITE_KINDS))
    .option('--since <when>', 'the period’s start: a duration back from now (24h, 7d) or an ISO time (default 24h)')
    .option('--until <when>', 'the period’s end: a duration back from now or an ISO time (default now)');
}

export function kpiFilterInput(options: KpiFilterInput): KpiFilterInput {
  const scopes = [options.site, options.region, options.kind].filter((v) => v !== undefined);
  if (scopes.length > 1) throw new UsageError('give one of --site, --region and --kind', { hint: 'a KPI covers one site, one region, one kind of site or the whole fleet' });
  return { since: options.since, until: options.until, site: options.site, region: options.region, kind: options.kind };
}

export async function kpiFilter(input: KpiFilterInput, ctx: Pick<VerbContext, 'client' | 'deps'>): Promise<KpiFilter> {
  const now = ctx.deps.clock.now();
  return {
    since: input.since === undefined ? undefined : sinceTime(input.since, now, '--since'),
    until: input.until === undefined ? undefined : sinceTime(input.until, now, '--until'),
    site: input.site,
    region: input.region === undefined ? undefined : await ctx.client().findRegion(input.region),
    kind: input.kind,
  };
}
