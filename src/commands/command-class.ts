// Commander reports a parse error from the command that found it (`incidents`
// for `incidents ak 3`), but the error it throws does not say which. Every
// command in our tree is this subclass, so the error carries its command and
// the hint can point at the right level (`watchfloor incidents --help`).
import { Command, CommanderError } from 'commander';

const FROM = Symbol('watchfloor.errorFrom');

type Marked = { [FROM]?: Command };

export class WatchfloorCommand extends Command {
  override createCommand(name?: string): Command {
    return new WatchfloorCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    try {
      return super.error(message, errorOptions);
    } catch (e) {
      if (e instanceof CommanderError && !(e as CommanderError & Marked)[FROM]) (e as CommanderError & Marked)[FROM] = this;
      throw e;
    }
  }
}

/** The command a parse error came from, when it came from our tree. */
export function commandOfError(e: CommanderError): Command | undefined {
  return (e as CommanderError & Marked)[FROM];
}

/** `watchfloor incidents`: how a person types the command. */
export function typedName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
