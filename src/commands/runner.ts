// The one place a command's outcome becomes an exit code and, on failure,
// the words a person (or, with --json, a script) reads on stderr. Which
// program parses the words is the caller's choice (run.ts: the read command
// alone or every verb; src/read-main.ts: the read command alone), so both
// bundles end the same way.
import type { Command } from 'commander';
import { EXIT } from '../core/errors.js';
import { watchfloorVersion } from '../core/version.js';
import type { Deps } from './deps.js';
import { asksJsonOutput, settleJsonFlag } from './json-flag.js';
import { isVersionOnly } from './read-words.js';

export interface ParsingProgram {
  program: Command;
  /** Field names `--json WORD` may select, to tell a field list from the command's own word. */
  jsonFields: ReadonlySet<string>;
}

export type ProgramFor = (argv: readonly string[], deps: Deps) => Promise<ParsingProgram>;

export async function runProgram(argv: string[], deps: Deps, programFor: ProgramFor): Promise<number> {
  // `watchfloor --version`, which scripts run all day, prints without the command tree.
  if (isVersionOnly(argv)) {
    deps.io.stdout.write(`${watchfloorVersion()}\n`);
    return EXIT.ok;
  }
  try {
    const { program, jsonFields } = await programFor(argv, deps);
    await program.parseAsync(settleJsonFlag(argv, jsonFields), { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
    const { reportError } = await import('./report-error.js');
    return reportError(e, deps.io.stderr, {
      json: beforeDashes.some((a) => a === '--json' || a.startsWith('--json=')) || asksJsonOutput(beforeDashes),
      debug: beforeDashes.includes('--debug'),
    });
  }
}
