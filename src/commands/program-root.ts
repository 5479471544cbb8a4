// The program's root: the global options every command shares, how commander
// speaks (through the presenter) and exits (to its caller), and the commands
// given to it. program.ts gives it every command; the runner gives it the one
// read command typed, so `watchfloor status` loads no other verb (run.ts).
import { completeJsonFields, completeWith } from './completion/dynamic.js';
import { Option, type Command } from 'commander';
import { watchfloorVersion } from '../core/version.js';
import { LANGS } from '../render/labels.js';
import { cliPresenter } from './cli-presenter.js';
import { WatchfloorCommand } from './command-class.js';
import type { Deps } from './deps.js';
import { refuseInChat } from './metadata.js';
import type { Presenter } from './presenter.js';
import { registerCommand, verbOf } from './register.js';
import type { CommandDefinition } from './verb.js';

// How the hub is reached is the bot's own business in chat: --hub, --ca, --insecure.
const BOT_CONNECTS = { en: 'the bot connects to its own hub for you', ar: 'البوت يتصل بخادمه نيابةً عنك' };

export function buildProgramOf(deps: Deps, commands: readonly CommandDefinition[], presenter: Presenter = cliPresenter(deps)): Command {
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

  for (const command of commands) registerCommand(program, command, deps, presenter);
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
