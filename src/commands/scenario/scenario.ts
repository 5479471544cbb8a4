// `scenario SITE [--arrivals ±N%] [--egates ±N%|±N] [--staff ±N] [--ai-share N%] [--scenario "arrivals=+30%,staff=-10"]… [--hours 12]`:
// the site's hours ahead beside the same hours under stated changes — the
// predicted wait, the hours over target and the counters to open. The change
// flags make one scenario; each --scenario adds another, so several sit side
// by side in one table. --ai-share is the 992 contact centre's: the share of
// inquiries its AI voice agent answers (0% with the agent down).
import { UsageError } from '../../core/errors.js';
import type { SiteScenarios } from '../../core/model.js';
import { parseAiShare, parseScenario, parseScenarioChange, SCENARIO_LIMITS, type ScenarioChanges, type ScenarioField } from '../../core/scenario-changes.js';
import { scenariosJson } from '../../render/scenarios-json.js';
import { renderScenarios } from '../../render/scenarios.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';
import { integerOption } from '../options.js';
import { defineVerb } from '../verb.js';

export interface ScenarioInput {
  site: string;
  scenarios: ScenarioChanges[];
  hours: number;
}

interface ScenarioOptions {
  arrivals?: string;
  egates?: string;
  staff?: string;
  aiShare?: string;
  scenario?: string[];
  hours?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The flags' scenario (when any flag is given) first, then each --scenario in order. */
export function scenarioInput(site: string, options: ScenarioOptions): ScenarioInput {
  const fromFlags: ScenarioChanges = {};
  for (const field of ['arrivals', 'egates', 'staff'] as const satisfies readonly ScenarioField[]) {
    const text = options[field];
    if (text !== undefined) fromFlags[field] = parseScenarioChange(text, `--${field}`);
  }
  if (options.aiShare !== undefined) fromFlags.aiShare = parseAiShare(options.aiShare, '--ai-share');
  const scenarios = [...(Object.keys(fromFlags).length > 0 ? [fromFlags] : []), ...(options.scenario ?? []).map(parseScenario)];
  if (scenarios.length === 0) throw new UsageError('say what changes: --arrivals, --egates, --staff, --ai-share or --scenario "arrivals=+30%,staff=-10"');
  if (scenarios.length > SCENARIO_LIMITS.scenarios) throw new UsageError(`at most ${SCENARIO_LIMITS.scenarios} scenarios at once; this asks for ${scenarios.length}`);
  return { site, scenarios, hours: options.hours ?? SCENARIO_LIMITS.hours.default };
}

export async function runScenarios(input: ScenarioInput, ctx: Pick<VerbContext, 'client'>): Promise<SiteScenarios> {
  const client = ctx.client();
  const site = await client.findSite(input.site);
  return client.siteScenarios(site.id, input.scenarios, { hours: input.hours });
}

export const scenario = defineVerb({
  name: 'scenario',
  description: 'what-if: the hours ahead under more arrivals, fewer e-gates or officers — wait, breaches, counters to open',
  metadata: {
    examples: [
      'scenario RUH --arrivals +30% --egates -50%',
      'scenario JED --staff -10 --hours 6',
      'scenario RUH --scenario "arrivals=+30%" --scenario "arrivals=+30%,staff=+8"',
      'scenario "king khalid" --egates -100% --json',
      'scenario CC-992 --ai-share 30%',
    ],
  },
  configure(command) {
    command.argument('<site>', 'site id, a fragment of its English or Arabic name, or its city');
    completeWith(command.registeredArguments[0]!, 'sites');
    command
      .option('--arrivals <change>', 'arrivals per hour: +30%, -20%, or a number of travellers an hour (+500)')
      .option('--egates <change>', 'e-gates in service: -50%, or a number of gates (-4)')
      .option('--staff <change>', 'counters staffed (officers at desks): -10, +5, or -20%')
      .option('--ai-share <share>', "a contact centre's AI voice agent answering this share of inquiries: 30%, or 0% with it down")
      .option('--scenario <changes>', 'another scenario, as FIELD=CHANGE,… with FIELD arrivals, egates, staff or ai-share (repeatable)', collect)
      .option('--hours <n>', `hours ahead, 1 to ${SCENARIO_LIMITS.hours.max} (default ${SCENARIO_LIMITS.hours.default})`, integerOption(1, SCENARIO_LIMITS.hours.max));
  },
  input: ([site]: [string], options: ScenarioOptions): ScenarioInput => scenarioInput(site, options),
  run: (input: ScenarioInput, ctx: Pick<VerbContext, 'client'>) => runScenarios(input, ctx),
  present: {
    text: (result, view) => renderScenarios(result, view),
    json: (result) => scenariosJson(result),
  },
});
