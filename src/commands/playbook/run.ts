// `playbook run ID`: shows what it would start and asks (on a terminal; never
// without one — then --yes is required), starts the run and follows it live
// until it ends or waits for a person: a step list redrawn on a terminal, a
// line per change when piped, JSON Lines with --json. The exit code says how
// it ended: 0 succeeded, 1 failed or aborted, 7 waits for a person. --dry-run
// shows the plan, inputs and targets filled in, and does nothing.
import { Argument, Option } from 'commander';
import { RunFailedError, RunWaitingError, UsageError } from '../../core/errors.js';
import type { RunUpdate } from '../../core/client.js';
import type { PlaybookRunDetail, RunPlan } from '../../core/model.js';
import { ENDED_RUN_STATUSES } from '../../core/vocabulary.js';
import { planJson, runDetailJson, runUpdateJson } from '../../render/playbook-run-json.js';
import { renderPlan, renderRunUpdate, renderStepLines, runStanding } from '../../render/playbook-runs.js';
import { defineVerb } from '../verb.js';
import { completeWith } from '../completion/dynamic.js';
import { runProgress } from './run-progress.js';
import { normalizeIncidentId } from '../incidents/incident-id.js';

export interface PlaybookRunInput {
  playbook: string;
  site: string | undefined;
  incident: string | undefined;
  inputs: Record<string, string>;
  drill: boolean;
  dryRun: boolean;
  yes: boolean;
}

export type PlaybookRunResult = { kind: 'plan'; plan: RunPlan } | { kind: 'declined'; plan: RunPlan } | { kind: 'run'; detail: PlaybookRunDetail };

const collect = (value: string, previous: string[]) => [...previous, value];

/** --input k=v, each once. */
export function parseInputs(pairs: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(name)) throw new UsageError(`--input ${pair}: expected NAME=VALUE, e.g. --input counters=4`);
    if (name in inputs) throw new UsageError(`--input ${name} given twice`);
    inputs[name] = pair.slice(at + 1);
  }
  return inputs;
}

export const playbookRun = defineVerb({
  name: 'run',
  description: 'start a playbook and follow it until it ends or waits for a person',
  metadata: { examples: ['playbook run egate-bank-failure --site RUH', 'playbook run national-platform-outage --drill --yes', 'playbook run hajj-umrah-surge --site JED-HAJJ --input officers=30 --dry-run'] },
  configure(command) {
    command
      .addArgument(new Argument('<playbook>', 'the playbook id (watchfloor playbook list)'))
      .addOption(completeWith(new Option('--site <site>', 'the site it runs for: ${site} in its steps'), 'sites'))
      .addOption(completeWith(new Option('--incident <id>', 'the incident it answers: ${incident} in its steps'), 'incidents'))
      .option('--input <name=value>', 'a value for one of its inputs (repeatable)', collect, [])
      .option('--drill', 'a drill: inject steps run, and everything it does is marked as a drill', false)
      .option('--dry-run', 'show the steps with their targets filled in; do nothing', false)
      .option('--yes', 'start without asking (required when no one is at a terminal)', false);
  },
  input: ([playbook]: [string], o: { site?: string; incident?: string; input: string[]; drill: boolean; dryRun: boolean; yes: boolean }): PlaybookRunInput => ({
    playbook,
    site: o.site,
    incident: o.incident === undefined ? undefined : normalizeIncidentId(o.incident),
    inputs: parseInputs(o.input),
    drill: o.drill,
    dryRun: o.dryRun,
    yes: o.yes,
  }),
  async run(input, ctx): Promise<PlaybookRunResult> {
    const request = {
      playbook: input.playbook,
      ...(input.site !== undefined ? { site: input.site } : {}),
      ...(input.incident !== undefined ? { incident: input.incident } : {}),
      ...(Object.keys(input.inputs).length ? { inputs: input.inputs } : {}),
      ...(input.drill ? { drill: true } : {}),
    };
    const client = ctx.client();
    if (input.dryRun) return { kind: 'plan', plan: await client.planRun(request) };
    if (!input.yes) {
      if (!ctx.canPrompt) {
        throw new UsageError('playbook run asks for confirmation before it starts, and no one is at a terminal to give it', {
          hint: 'add --yes to start it without asking (--dry-run shows what it would do)',
        });
      }
      const plan = await client.planRun(request);
      // Line by line: info makes each inert, and a line feed inside one would show as ␊.
      const shown = { tty: true, color: false, width: ctx.deps.io.width, lang: ctx.globals.lang, now: ctx.deps.clock.now() };
      for (const line of renderPlan(plan, shown).replace(' — dry run, nothing done', '').split('\n')) ctx.info(line);
      const prompter = await ctx.deps.prompter();
      if (!(await prompter.confirm({ message: `Start ${plan.playbookId}${plan.drill ? ' as a drill' : ''}?`, default: false }))) return { kind: 'declined', plan };
    }
    const final = await client.startAndFollow(request, (update) => ctx.emit(update));
    return { kind: 'run', detail: await client.getRun(final.id) };
  },
  failure(result) {
    if (result.kind !== 'run') return undefined;
    const { run } = result.detail;
    if (run.status === 'succeeded') return undefined;
    const standing = runStanding(run).split('\n');
    const details = { runId: run.id, status: run.status, waitingOn: run.waitingOn };
    if (ENDED_RUN_STATUSES.includes(run.status)) return new RunFailedError(standing[0]!, { hint: `watchfloor playbook status ${run.id}`, details });
    return new RunWaitingError(standing[0]!, { hint: standing[1]?.trim() ?? `watchfloor playbook status ${run.id}`, details });
  },
  present: {
    text(result, view) {
      if (result.kind === 'plan') return renderPlan(result.plan, view);
      if (result.kind === 'declined') return '';
      const lines = renderStepLines(result.detail.steps, view, result.detail.run.currentStep);
      return view.tty ? [`${result.detail.run.id}  ${result.detail.run.playbookId} v${result.detail.run.playbookVersion}`, ...lines].join('\n') : '';
    },
    note: (result) => (result.kind === 'declined' ? 'not started' : result.kind === 'run' && result.detail.run.status === 'succeeded' ? runStanding(result.detail.run) : undefined),
    json: (result) => (result.kind === 'plan' ? { plan: planJson(result.plan) } : result.kind === 'run' ? { type: 'result', ...runDetailJson(result.detail) } : { started: false }),
    jsonLines: true,
    events: {
      text: (update: RunUpdate, view) => (view.tty ? undefined : renderRunUpdate(update)),
      json: (update: RunUpdate) => runUpdateJson(update),
      progress: runProgress,
    },
  },
});
