// Turns verb and noun definitions into commander commands. The one action
// every verb shares lives here: parse its input, run it with a context, hand
// its events and result to the program's presenter, close the connection.
import type { Command } from 'commander';
import { createContext, globalOptionsOf } from './context.js';
import type { Deps } from './deps.js';
import { checkJsonFields } from './json-fields.js';
import { attachMetadata, examplesHelp } from './metadata.js';
import type { Presenter } from './presenter.js';
import { isNoun, type AnyVerb, type CommandDefinition, type NounDefinition } from './verb.js';
import { UsageError } from '../core/errors.js';
import { watchVerb } from './watching/watch-verb.js';

const VERB = Symbol('watchfloor.verb');

type Marked = { [VERB]?: AnyVerb };

/** The definition a command was registered from (undefined for a noun, or a command made by hand). */
export function verbOf(command: Command): AnyVerb | undefined {
  return (command as Command & Marked)[VERB];
}

/** Command names from the program down: ['incidents', 'ack']. */
export function commandNames(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}

/** The names gh and kubectl users type for the usual verbs, given to every verb of that name. */
const VERB_ALIASES: Readonly<Record<string, readonly string[]>> = { list: ['ls'], show: ['view'] };

export function registerCommand(parent: Command, definition: CommandDefinition, deps: Deps, presenter: Presenter): Command {
  if (!isNoun(definition)) return registerVerb(parent, definition, deps, presenter);
  const noun = attachMetadata(parent.command(definition.name).description(definition.description), definition.metadata);
  if (definition.aliases?.length) noun.aliases(definition.aliases);
  for (const verb of definition.verbs) registerVerb(noun, verb, deps, presenter);
  noun.addHelpText('after', examplesHelp(nounExamples(definition)));
  // A noun typed alone shows its help as asked-for output (stdout, exit 0), as gh and kubectl do.
  // Set after its verbs are made, so they keep the program's settings.
  noun.configureOutput({ ...noun.configureOutput(), writeErr: (s) => presenter.writeOut(s) });
  return noun;
}

export function registerVerb(parent: Command, verb: AnyVerb, deps: Deps, presenter: Presenter): Command {
  const command = parent.command(verb.name, { hidden: verb.hidden === true, isDefault: verb.isDefault === true }).description(verb.description);
  if (VERB_ALIASES[verb.name]) command.aliases(VERB_ALIASES[verb.name]!);
  verb.configure?.(command);
  attachMetadata(command, verb.metadata);
  command.addHelpText('after', examplesHelp(verb.metadata?.examples?.length ? verb.metadata.examples : [usageExample(command)]));
  (command as Command & Marked)[VERB] = verb;
  // Commander passes the arguments, then the options, then the command.
  command.action(async (...params: unknown[]) => {
    const count = command.registeredArguments.length;
    const input: unknown = verb.input(params.slice(0, count), params[count], command);
    const globals = globalOptionsOf(command);
    if (globals.jsonFields) checkJsonFields(globals.jsonFields, verb, `watchfloor ${commandNames(command).join(' ')}`);
    const outlet = presenter.open({ path: commandNames(command), verb, input, globals });
    const ctx = createContext(globals, deps, { emit: (event) => outlet.event(event), showsProgress: outlet.showsProgress });
    try {
      if (verb.watch?.requested(input)) {
        if (!outlet.watch) throw new UsageError('--watch follows the hub in a terminal or a pipe; it cannot here');
        try {
          await watchVerb(verb, verb.watch, input, ctx, outlet.watch);
        } finally {
          outlet.end();
        }
        return;
      }
      let result: unknown;
      try {
        result = await verb.run(input, ctx);
      } finally {
        outlet.end();
      }
      outlet.result(result);
      const failure = verb.failure?.(result);
      if (failure) throw failure;
    } finally {
      await ctx.close();
    }
  });
  return command;
}

/** A noun's examples: its verbs' first ones, so its help shows what each verb looks like in use. */
function nounExamples(noun: NounDefinition): string[] {
  return noun.verbs.filter((v) => !v.hidden).map((v) => v.metadata?.examples?.[0] ?? `${noun.name} ${v.name}`);
}

// A verb with no examples of its own still shows how it is typed.
function usageExample(command: Command): string {
  const names = commandNames(command).join(' ');
  const args = command.registeredArguments.filter((a) => a.required).map((a) => a.name().toUpperCase());
  return [names, ...args].join(' ');
}
