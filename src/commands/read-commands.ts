// The read commands' program: the one noun typed (read-words.ts says which
// words qualify), so `watchfloor status` loads no other verb. The read bundle
// (src/read-main.ts) serves exactly these; run.ts serves them the same way
// inside the full bundle (tests, and any caller of run()).
import type { Deps } from './deps.js';
import { buildProgramOf } from './program-root.js';
import type { ReadNoun } from './read-words.js';
import type { ParsingProgram } from './runner.js';
import type { CommandDefinition } from './verb.js';

const READ_COMMANDS: Readonly<Record<ReadNoun, () => Promise<CommandDefinition>>> = {
  status: async () => (await import('./status/index.js')).status,
  incidents: async () => (await import('./incidents/index.js')).incidents,
  sites: async () => (await import('./sites/index.js')).sites,
};

/** The program of the one read command typed (argv must satisfy servesAlone). */
export async function programAlone(argv: readonly string[], deps: Deps): Promise<ParsingProgram> {
  const command = await READ_COMMANDS[argv[0] as ReadNoun]();
  return { program: buildProgramOf(deps, [command]), jsonFields: new Set<string>() };
}
