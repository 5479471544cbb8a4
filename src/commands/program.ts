// The command tree, built fresh for each run: the CLI parses argv with it and
// the chat bot parses chat text with it. What each verb returns goes to the
// presenter: the CLI's prints it; the chat bot's hands the result back.
import type { Command } from 'commander';
import { audit } from './audit/index.js';
import { bot } from './bot/index.js';
import { cliPresenter } from './cli-presenter.js';
import { completeValues, completion } from './completion/index.js';
import { config } from './config/index.js';
import { demo } from './demo/index.js';
import type { Deps } from './deps.js';
import { diag } from './diag/index.js';
import { dispatch } from './dispatch/index.js';
import { drill } from './drill/index.js';
import { handover } from './handover/index.js';
import { forecast } from './forecast/index.js';
import { hub } from './hub/index.js';
import { incidents } from './incidents/index.js';
import { inventory } from './inventory/index.js';
import { kpi } from './kpi/index.js';
import { maintenance } from './maintenance/index.js';
import { playbook } from './playbook/index.js';
import type { Presenter } from './presenter.js';
import { buildProgramOf } from './program-root.js';
import { scenario } from './scenario/index.js';
import { silence } from './silence/index.js';
import { sim } from './sim/index.js';
import { sites } from './sites/index.js';
import { status } from './status/index.js';
import { tokens } from './tokens/index.js';
import type { CommandDefinition } from './verb.js';
import { watch } from './watch/index.js';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandDefinition[] = [
  status, watch, sites, incidents, diag, dispatch, playbook, drill, silence, maintenance, kpi, forecast, scenario, handover, inventory, tokens, audit, config, hub, demo, bot, sim, completion, completeValues,
];

export { publishedJsonFields } from './program-root.js';

export function buildProgram(deps: Deps, presenter: Presenter = cliPresenter(deps)): Command {
  return buildProgramOf(deps, COMMANDS, presenter);
}
