// `diag run TARGET [--fix] [--dry-run]`: probe a site, an asset or an
// incident's asset; with --fix try the catalog's remediations, each verified.
// Each probe and action is emitted as it happens, then the verdict per asset.
import { Argument } from 'commander';
import { HubError } from '../../core/errors.js';
import type { DiagEvent, DiagVerdictEvent } from '../../core/model.js';
import { renderDiagEvent, renderVerdictSummary } from '../../render/diag.js';
import { diagEventJson } from '../../render/json.js';
import { countOf } from '../../render/plural.js';
import { completeWith } from '../completion/dynamic.js';
import { defineVerb } from '../verb.js';
import { quietHealthy } from './quiet-healthy.js';
import { isSiteTarget, normalizeDiagTarget } from './target.js';

export interface DiagRunInput {
  /** As typed: RUH, ruh/egate-07, 42. */
  target: string;
  fix: boolean;
  dryRun: boolean;
  /** Every line of every asset, the healthy ones' too. */
  all: boolean;
}

export interface DiagRunResult {
  verdicts: DiagVerdictEvent[];
  /** Assets the hub could not diagnose (its own failures, not the device's). */
  errors: Extract<DiagEvent, { type: 'error' }>[];
}

export const diagRun = defineVerb({
  name: 'run',
  description: 'diagnose a site, SITE/asset or incident; --fix applies the safe fixes and verifies them',
  metadata: { examples: ['diag run JED/egate-07 --fix', 'diag run RUH --all'] },
  configure(command) {
    command
      .addArgument(completeWith(new Argument('<target>', 'a site (RUH), an asset (RUH/egate-07) or an incident (INC-000042, 42)'), 'targets'))
      .option('--fix', 'try the remediations, least disruptive first, until one is verified', false)
      .option('--dry-run', 'print the plan; touch nothing', false)
      .option('--all', "a site's healthy assets line by line too, not only counted in the summary", false);
  },
  input: ([target]: [string], options: { fix: boolean; dryRun: boolean; all: boolean }): DiagRunInput => ({
    target,
    fix: options.fix,
    dryRun: options.dryRun,
    all: options.all,
  }),
  async run(input, ctx): Promise<DiagRunResult> {
    const errors: DiagRunResult['errors'] = [];
    const target = normalizeDiagTarget(input.target);
    const request = { target, fix: input.fix, dryRun: input.dryRun };
    // Scripts reading --json get every event; a person gets a site's summary.
    const emit = input.all || ctx.globals.json || !isSiteTarget(target) ? (e: DiagEvent) => ctx.emit(e) : quietHealthy((e) => ctx.emit(e));
    const verdicts = await ctx.client().diagnose(request, (event) => {
      if (event.type === 'error') errors.push(event);
      emit(event);
    });
    return { verdicts, errors };
  },
  failure: ({ errors }) =>
    errors.length
      ? new HubError(`${countOf(errors.length, 'asset')} could not be diagnosed`, {
          hint: "the hub's log (stderr of `watchfloor hub start`) says why",
          details: { assets: errors.map((e) => e.assetId) },
        })
      : undefined,
  present: {
    // The events said the rest; several verdicts get the counts and the assets not healthy named.
    text: ({ verdicts }, view) => (verdicts.length > 1 ? renderVerdictSummary(verdicts, view) : ''),
    json: () => undefined,
    jsonLines: true,
    events: {
      text: (event: DiagEvent, view) => renderDiagEvent(event, view),
      json: (event: DiagEvent) => diagEventJson(event),
    },
  },
});
