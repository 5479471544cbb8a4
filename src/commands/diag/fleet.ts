// `diag fleet [--site S] [--kind K] [--fix] [--concurrency N]`: sweep many
// assets, emitting each asset's result as it finishes. A progress bar on
// stderr while a person watches (never when piped or with --json), then the
// assets that were not healthy and the counts; --json streams one JSON object
// per asset, then the summary (JSON Lines).
import { Option } from 'commander';
import type { SweepResult, SweepSummary } from '../../core/model.js';
import { ASSET_KINDS, type AssetKind } from '../../core/vocabulary.js';
import { renderSweep, renderSweepTotals } from '../../render/diag.js';
import { sweepResultJson, sweepSummaryJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { integerOption } from '../options.js';
import { defineVerb } from '../verb.js';
import { sweepProgress, type DiagFleetEvent } from './fleet-progress.js';

export interface DiagFleetInput {
  site: string | undefined;
  kind: AssetKind | undefined;
  fix: boolean;
  concurrency: number | undefined;
}

export interface DiagFleetResult {
  results: SweepResult[];
  summary: SweepSummary;
}

export const diagFleet = defineVerb({
  name: 'fleet',
  description: 'sweep many assets with bounded concurrency, then a summary',
  metadata: { examples: ['diag fleet --site JED', 'diag fleet --kind egate --fix', 'diag fleet --site RUH --concurrency 4 --json'] },
  configure(command) {
    command
      .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
      .addOption(new Option('--kind <kind>', 'only this kind of asset').choices(ASSET_KINDS))
      .option('--fix', 'apply the safe fixes, verified, where a probe finds something', false)
      .option('--concurrency <n>', 'assets diagnosed at once (the hub also limits each site)', integerOption(1, 256));
  },
  input: (_args: [], { site, kind, fix, concurrency }: DiagFleetInput): DiagFleetInput => ({ site, kind, fix, concurrency }),
  async run(input, ctx): Promise<DiagFleetResult> {
    const client = ctx.client();
    const site = input.site === undefined ? undefined : (await client.findSite(input.site)).id;
    const scope = { ...(site ? { site } : {}), ...(input.kind ? { kind: input.kind } : {}) };
    // The total only feeds the progress bar: asked for only when one is drawn.
    if (ctx.showsProgress) ctx.emit({ type: 'assets', total: (await client.listAssets(scope)).length });
    const results: SweepResult[] = [];
    const summary = await client.sweep({ ...scope, fix: input.fix, ...(input.concurrency ? { concurrency: input.concurrency } : {}) }, (result) => {
      results.push(result);
      ctx.emit(result);
    });
    return { results, summary };
  },
  present: {
    text: ({ results, summary }, view) => renderSweep(results, summary, view),
    // Piped, stdout keeps to rows; the totals are for the person on stderr.
    note: ({ summary }, view) => (view.tty ? undefined : renderSweepTotals(summary, { color: false, lang: view.lang })),
    json: ({ summary }) => sweepSummaryJson(summary),
    jsonLines: true,
    events: {
      json: (event: DiagFleetEvent) => (event.type === 'result' ? sweepResultJson(event) : undefined),
      progress: sweepProgress,
    },
  },
});
