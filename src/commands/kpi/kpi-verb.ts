// Every `kpi` verb takes the same period and scope and asks the hub for one
// document; they differ in which, and in how it is shown. So they are made here.
import type { CoreClient } from '../../core/client.js';
import type { KpiFilter } from '../../core/client/kpi.js';
import type { KpiKind, KpiReport } from '../../core/model.js';
import { kpiReportJson } from '../../render/kpi-json.js';
import { renderKpiReport } from '../../render/kpi-report.js';
import { defineVerb, type VerbPresenter } from '../verb.js';
import { configureKpiFilter, kpiFilter, kpiFilterInput, type KpiFilterInput } from './kpi-filter.js';

export interface KpiVerbSpec<Result> {
  name: string;
  description: string;
  examples: readonly string[];
  /** What `kpi` alone runs. */
  isDefault?: boolean;
  fetch(client: CoreClient, filter: KpiFilter): Promise<Result>;
  present: VerbPresenter<Result>;
}

export function defineKpiVerb<Result>(spec: KpiVerbSpec<Result>) {
  return defineVerb({
    name: spec.name,
    description: spec.description,
    metadata: { examples: spec.examples },
    ...(spec.isDefault ? { isDefault: true } : {}),
    configure: configureKpiFilter,
    input: (_args: [], options: KpiFilterInput) => kpiFilterInput(options),
    async run(input, ctx): Promise<Result> {
      return spec.fetch(ctx.client(), await kpiFilter(input, ctx));
    },
    present: spec.present,
  });
}

/** One KPI in detail (`kpi incidents`, `kpi continuity`, …). */
export function kpiReportVerb(kpi: Exclude<KpiKind, 'remote'>, description: string, examples: readonly string[]) {
  return defineKpiVerb<KpiReport>({
    name: kpi,
    description,
    examples,
    fetch: (client, filter) => client.kpiReport(kpi, filter),
    present: { text: (report, view) => renderKpiReport(report, view), json: (report) => kpiReportJson(report) },
  });
}
