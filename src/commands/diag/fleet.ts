// `diag fleet [--site S] [--kind K] [--fix] [--concurrency N]`: sweep many
// assets. A progress bar on stderr while a person watches (never when piped
// or with --json), then the assets that were not healthy and the counts;
// --json streams one JSON object per asset, then the summary (JSON Lines).
import { Option, type Command } from 'commander';
import type { DiagVerdict, SweepResult, SweepSummary } from '../../core/model.js';
import { ASSET_KINDS, type AssetKind } from '../../core/vocabulary.js';
import { countVerdicts, renderProgress, renderSweep, renderSweepTotals } from '../../render/diag.js';
import { sweepResultJson, sweepSummaryJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { integerOption } from '../options.js';

export interface DiagFleetOptions {
  site: string | undefined;
  kind: AssetKind | undefined;
  fix: boolean;
  concurrency: number | undefined;
}

export interface DiagFleetResult {
  results: SweepResult[];
  summary: SweepSummary;
}

/** Progress as the sweep goes: results so far and, when known, the total. */
export interface SweepProgress {
  start(total: number | undefined): void;
  result(result: SweepResult): void;
  end(): void;
}

export async function runDiagFleet(
  options: DiagFleetOptions,
  ctx: Pick<CommandContext, 'client'>,
  onResult: (result: SweepResult) => void,
  progress?: SweepProgress,
): Promise<DiagFleetResult> {
  const client = ctx.client();
  const site = options.site === undefined ? undefined : (await client.findSite(options.site)).id;
  // The total only feeds the progress bar: asked for only when one is drawn.
  progress?.start(progress ? (await client.listAssets({ ...(site ? { site } : {}), ...(options.kind ? { kind: options.kind } : {}) })).length : undefined);
  const results: SweepResult[] = [];
  try {
    const summary = await client.sweep(
      { ...(site ? { site } : {}), ...(options.kind ? { kind: options.kind } : {}), fix: options.fix, ...(options.concurrency ? { concurrency: options.concurrency } : {}) },
      (result) => {
        results.push(result);
        progress?.result(result);
        onResult(result);
      },
    );
    return { results, summary };
  } finally {
    progress?.end();
  }
}

const REDRAW_MS = 100;

/** A bar redrawn in place on stderr, at most every REDRAW_MS, erased at the end. */
export function stderrProgress(ctx: Pick<CommandContext, 'deps'>): SweepProgress {
  const { io, clock } = ctx.deps;
  let total: number | undefined;
  let done = 0;
  let lastDraw = -Infinity;
  const verdicts: DiagVerdict[] = [];
  const draw = () => io.stderr.write(`\r${renderProgress(done, total, countVerdicts(verdicts), io.width)}\x1b[K`);
  return {
    start(n) {
      total = n;
      draw();
    },
    result(r) {
      done++;
      verdicts.push(r.verdict);
      const now = clock.now().getTime();
      if (now - lastDraw >= REDRAW_MS || done === total) {
        lastDraw = now;
        draw();
      }
    },
    end() {
      io.stderr.write('\r\x1b[K');
    },
  };
}

export function registerDiagFleet(diag: Command, deps: Deps): void {
  diag
    .command('fleet')
    .description('sweep many assets with bounded concurrency, then a summary')
    .addOption(completeWith(new Option('--site <site>', 'only this site (id or name fragment)'), 'sites'))
    .addOption(new Option('--kind <kind>', 'only this kind of asset').choices(ASSET_KINDS))
    .option('--fix', 'apply the safe fixes, verified, where a probe finds something', false)
    .option('--concurrency <n>', 'assets diagnosed at once (the hub also limits each site)', integerOption(1, 256))
    .action(
      action(deps, async (ctx, options: DiagFleetOptions) => {
        const json = ctx.globals.json;
        const { results, summary } = await runDiagFleet(
          options,
          ctx,
          (result) => {
            if (json) ctx.print(JSON.stringify(sweepResultJson(result)));
          },
          ctx.view.tty ? stderrProgress(ctx) : undefined,
        );
        if (json) {
          ctx.print(JSON.stringify(sweepSummaryJson(summary)));
          return;
        }
        const text = renderSweep(results, summary, ctx.view);
        if (text) ctx.print(text);
        // Piped, stdout keeps to rows; the totals are for the person on stderr.
        if (!ctx.view.tty) ctx.info(renderSweepTotals(summary, { color: false }));
      }),
    );
}
