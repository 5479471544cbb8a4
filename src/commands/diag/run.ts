// `diag run TARGET [--fix] [--dry-run]`: probe a site, an asset or an
// incident's asset; with --fix try the catalog's remediations, each verified.
// Each probe and action is printed as it happens, then the verdict per asset.
import { Argument, type Command } from 'commander';
import { HubError } from '../../core/errors.js';
import type { DiagEvent, DiagVerdictEvent } from '../../core/model.js';
import { renderDiagEvent, renderVerdictSummary } from '../../render/diag.js';
import { diagEventJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { normalizeDiagTarget } from './target.js';

export interface DiagRunOptions {
  target: string;
  fix: boolean;
  dryRun: boolean;
}

export interface DiagRunResult {
  verdicts: DiagVerdictEvent[];
  /** Assets the hub could not diagnose (its own failures, not the device's). */
  errors: Extract<DiagEvent, { type: 'error' }>[];
}

export async function runDiag(
  options: DiagRunOptions,
  ctx: Pick<CommandContext, 'client'>,
  onEvent: (event: DiagEvent) => void,
): Promise<DiagRunResult> {
  const errors: DiagRunResult['errors'] = [];
  const verdicts = await ctx.client().diagnose({ target: normalizeDiagTarget(options.target), fix: options.fix, dryRun: options.dryRun }, (event) => {
    if (event.type === 'error') errors.push(event);
    onEvent(event);
  });
  return { verdicts, errors };
}

export function registerDiagRun(diag: Command, deps: Deps): void {
  diag
    .command('run')
    .description('diagnose a site, SITE/asset or incident; --fix applies the safe fixes and verifies them')
    .addArgument(completeWith(new Argument('<target>', 'a site (RUH), an asset (RUH/egate-07) or an incident (INC-000042, 42)'), 'sites'))
    .option('--fix', 'try the remediations, least disruptive first, until one is verified', false)
    .option('--dry-run', 'print the plan; touch nothing', false)
    .action(
      action(deps, async (ctx, target: string, options: { fix: boolean; dryRun: boolean }) => {
        const json = ctx.globals.json;
        const result = await runDiag({ target, fix: options.fix, dryRun: options.dryRun }, ctx, (event) =>
          ctx.print(json ? JSON.stringify(diagEventJson(event)) : renderDiagEvent(event, ctx.view)),
        );
        if (!json && result.verdicts.length > 1) ctx.print(renderVerdictSummary(result.verdicts, ctx.view));
        if (result.errors.length) {
          throw new HubError(`${result.errors.length} asset${result.errors.length === 1 ? '' : 's'} could not be diagnosed`, {
            hint: "the hub's log (stderr of `watchfloor hub start`) says why",
            details: { assets: result.errors.map((e) => e.assetId) },
          });
        }
      }),
    );
}
