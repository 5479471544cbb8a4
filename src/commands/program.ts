// The command tree, built fresh for each run: the CLI parses argv with it and
// the chat bot will parse chat text with it. All output goes through deps.io.
import { Command, Option } from 'commander';
import { watchfloorVersion } from '../core/version.js';
import { LANGS } from '../render/labels.js';
import { registerAudit } from './audit/index.js';
import { registerBot } from './bot/index.js';
import { registerCompleteValues, registerCompletion } from './completion/index.js';
import { registerConfig } from './config/index.js';
import { registerDemo } from './demo/index.js';
import { registerDiag } from './diag/index.js';
import { registerDispatch } from './dispatch/index.js';
import type { Deps } from './deps.js';
import { registerHub } from './hub/index.js';
import { registerIncidents } from './incidents/index.js';
import { registerKpi } from './kpi/index.js';
import { registerSim } from './sim/index.js';
import { registerSites } from './sites/index.js';
import { registerStatus } from './status/index.js';
import { registerTokens } from './tokens/index.js';
import { registerWatch } from './watch/index.js';

export function buildProgram(deps: Deps): Command {
  const program = new Command('watchfloor')
    .description('the duty officer\'s toolkit for the border-passport command centre')
    .version(watchfloorVersion(), '-V, --version', 'print the version')
    .option('--json', 'machine-readable output (shapes in docs/json.md)')
    .option('--no-color', 'no colour (also: NO_COLOR)')
    .addOption(new Option('--lang <lang>', 'language of site names and labels').choices(LANGS).default('en'))
    .option('--profile <name>', 'config profile (also: WATCHFLOOR_PROFILE)')
    .option('--hub <url>', 'hub URL (also: WATCHFLOOR_HUB)')
    .option('--token <token>', 'API token (also: WATCHFLOOR_TOKEN)')
    .option('--debug', 'stack traces on errors')
    // Subcommands created with .command() copy these settings, so every
    // level exits through run() and writes only to deps.io.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => deps.io.stdout.write(s),
      writeErr: (s) => deps.io.stderr.write(s),
      // run() reports parse errors itself, in text or JSON.
      outputError: () => undefined,
      getOutHelpWidth: () => deps.io.width,
      getErrHelpWidth: () => deps.io.width,
    });

  registerStatus(program, deps);
  registerWatch(program, deps);
  registerSites(program, deps);
  registerIncidents(program, deps);
  registerDiag(program, deps);
  registerDispatch(program, deps);
  registerKpi(program, deps);
  registerTokens(program, deps);
  registerAudit(program, deps);
  registerConfig(program, deps);
  registerHub(program, deps);
  registerDemo(program, deps);
  registerBot(program, deps);
  registerSim(program, deps);
  registerCompletion(program, deps);
  registerCompleteValues(program, deps);
  return program;
}
