// The full bundle's runner: the read command typed alone when it can be
// (read-commands.ts), otherwise every verb (program.ts), loaded by import()
// once a command needs it.
import type { Deps } from './deps.js';
import { servesAlone } from './read-words.js';
import { runProgram, type ParsingProgram } from './runner.js';

async function everyVerb(_argv: readonly string[], deps: Deps): Promise<ParsingProgram> {
  const { buildProgram, publishedJsonFields } = await import('./program.js');
  const program = buildProgram(deps);
  return { program, jsonFields: publishedJsonFields(program) };
}

export function run(argv: string[], deps: Deps): Promise<number> {
  return runProgram(argv, deps, async (words, d) =>
    servesAlone(words) ? (await import('./read-commands.js')).programAlone(words, d) : everyVerb(words, d),
  );
}
