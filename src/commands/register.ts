// Turns verb and noun definitions into commander commands. The one action
// every verb shares lives here: parse its input, run it with a context, hand
// its events and result to the program's presenter, close the connection.
import type { Command } from 'commander';
import { createContext, globalOptionsOf } from './context.js';
import type { Deps } from './deps.js';
import { attachMetadata, examplesHelp } from './metadata.js';
import type { Presenter } from './presenter.js';
import { isNoun, type AnyVerb, type CommandDefinition } from './verb.js';

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

export function registerCommand(parent: Command, definition: CommandDefinition, deps: Deps, presenter: Presenter): Command {
  if (!isNoun(definition)) return registerVerb(parent, definition, deps, presenter);
  const noun = attachMetadata(parent.command(definition.name).description(definition.description), definition.metadata);
  for (const verb of definition.verbs) registerVerb(noun, verb, deps, presenter);
  return noun;
}

export function registerVerb(parent: Command, verb: AnyVerb, deps: Deps, presenter: Presenter): Command {
  const command = parent.command(verb.name, { hidden: verb.hidden === true }).description(verb.description);
  verb.configure?.(command);
  attachMetadata(command, verb.metadata);
  if (verb.metadata?.examples?.length) command.addHelpText('after', examplesHelp(verb.metadata.examples));
  (command as Command & Marked)[VERB] = verb;
  // Commander passes the arguments, then the options, then the command.
  command.action(async (...params: unknown[]) => {
    const count = command.registeredArguments.length;
    const input: unknown = verb.input(params.slice(0, count), params[count], command);
    const globals = globalOptionsOf(command);
    const outlet = presenter.open({ path: commandNames(command), verb, input, globals });
    const ctx = createContext(globals, deps, { emit: (event) => outlet.event(event), showsProgress: outlet.showsProgress });
    try {
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
