// The command tree, built fresh for each run: the CLI parses argv with it and
// the chat bot parses chat text with it. What each verb returns goes to the
// presenter: the CLI's prints it; the chat bot's hands the result back.
import { completeJsonFields, completeWith } from './completion/dynamic.js';
import { Option, type Command } from 'commander';
import { watchfloorVersion } from '../core/version.js';
import { LANGS } from '../render/labels.js';
import { audit } from './audit/index.js';
import { bot } from './bot/index.js';
import { cliPresenter } from './cli-presenter.js';
import { WatchfloorCommand } from './command-class.js';
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
import { refuseInChat } from './metadata.js';
import type { Presenter } from './presenter.js';
import { registerCommand, verbOf } from './register.js';
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

// How the hub is reached is the bot's own business in chat: --hub, --ca, --insecure.
const BOT_CONNECTS = { en: 'the bot connects to its own hub for you', ar: 'البوت يتصل بخادمه نيابةً عنك' };

export function buildProgram(deps: Deps, presenter: Presenter = cliPresenter(deps)): Command {
  const program = new WatchfloorCommand('watchfloor')
    .description('the duty officer\'s toolkit for the border-passport command centre')
    .version(watchfloorVersion(), '-V, --version', 'print the version')
    .addOption(completeJsonFields(new Option('--json [fields]', 'machine-readable output (shapes in docs/json.md); FIELDS (id,title,state) selects fields')))
    .option('--no-color', 'no colour (also: NO_COLOR)')
    .addOption(new Option('--lang <lang>', 'language of site names and labels').choices(LANGS).default('en'))
    // The bot connects for the chat user itself; a token typed in chat is a leaked token.
    .addOption(refuseInChat(completeWith(new Option('--profile <name>', 'config profile (also: WATCHFLOOR_PROFILE)'), 'profiles'), {
      en: 'profiles are local to a terminal; the bot connects for you',
      ar: 'الإعدادات خاصة بالطرفية؛ البوت يتصل نيابةً عنك',
    }))
    .addOption(refuseInChat(new Option('--hub <url>', 'hub URL (also: WATCHFLOOR_HUB)'), BOT_CONNECTS))
    .addOption(refuseInChat(new Option('--token <token>', 'API token (also: WATCHFLOOR_TOKEN)'), {
      en: 'the bot acts for you with its own connection; never paste a token in chat',
      ar: 'البوت يعمل نيابةً عنك؛ لا تلصق رمزاً سرياً في المحادثة',
    }))
    .addOption(refuseInChat(new Option('--ca <file>', "PEM file of the CA an https:// hub's certificate is signed by (also: WATCHFLOOR_CA, profile ca)"), BOT_CONNECTS))
    .addOption(refuseInChat(new Option('--insecure', 'send the token over plain http:// to a hub that is not on this machine'), BOT_CONNECTS))
    .option('--debug', 'stack traces on errors')
    // Every help page lists the global flags too (copied to each subcommand as it is made).
    .configureHelp({ showGlobalOptions: true })
    // Subcommands created with .command() copy these settings, so every
    // level exits through its caller and speaks only through the presenter.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => presenter.writeOut(s),
      writeErr: (s) => presenter.writeErr(s),
      // run() reports parse errors itself, in text or JSON; chat makes them replies.
      outputError: () => undefined,
      getOutHelpWidth: () => deps.io.width,
      getErrHelpWidth: () => deps.io.width,
    });

  for (const command of COMMANDS) registerCommand(program, command, deps, presenter);
  return program;
}

/** Every field some verb's --json publishes: how `--json WORD` tells fields from a command's own word. */
export function publishedJsonFields(program: Command): Set<string> {
  const fields = new Set<string>();
  const visit = (command: Command) => {
    for (const f of verbOf(command)?.present.jsonFields?.fields ?? []) fields.add(f);
    command.commands.forEach(visit);
  };
  visit(program);
  return fields;
}
