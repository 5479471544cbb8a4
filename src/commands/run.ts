// The one place a command's outcome becomes an exit code and, on failure,
// the words a person (or, with --json, a script) reads on stderr. The command
// tree (every verb and its renderers) loads by import() once a command needs
// it: `watchfloor --version`, which scripts run all day, prints without it, and
// the read commands a duty officer types all shift load only their own verbs.
import { EXIT } from '../core/errors.js';
import { watchfloorVersion } from '../core/version.js';
import type { Deps } from './deps.js';
import { asksJsonOutput, settleJsonFlag } from './json-flag.js';
import type { CommandDefinition } from './verb.js';

/** The version flags of program.ts, typed alone: the same line commander would print. */
const VERSION_ONLY = new Set(['--version', '-V']);

export async function run(argv: string[], deps: Deps): Promise<number> {
  if (argv.length === 1 && VERSION_ONLY.has(argv[0]!)) {
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

// Each loads its noun's chunk alone. Typed first (no global flag before it),
// and with no `--json WORD` to settle — which needs every verb's fields to tell
// a field list from the command's own word — it is the whole program needs.
const READ_COMMANDS: Readonly<Record<string, () => Promise<CommandDefinition>>> = {
  status: async () => (await import('./status/index.js')).status,
  incidents: async () => (await import('./incidents/index.js')).incidents,
  sites: async () => (await import('./sites/index.js')).sites,
};

async function programFor(argv: readonly string[], deps: Deps) {
  const alone = Object.hasOwn(READ_COMMANDS, argv[0] ?? '') ? READ_COMMANDS[argv[0]!] : undefined;
  const settlesJsonWord = argv.some((a, i) => a === '--json' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-'));
  if (alone && !settlesJsonWord) {
    const [{ buildProgramOf }, command] = await Promise.all([import('./program-root.js'), alone()]);
    return { program: buildProgramOf(deps, [command]), jsonFields: new Set<string>() };
  }
  const { buildProgram, publishedJsonFields } = await import('./program.js');
  const program = buildProgram(deps);
  return { program, jsonFields: publishedJsonFields(program) };
}
