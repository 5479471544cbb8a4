// The one place a command's outcome becomes an exit code and, on failure,
// the words a person (or, with --json, a script) reads on stderr. The command
// tree (every verb and its renderers) loads by import() once a command needs
// it: `watchfloor --version`, which scripts run all day, prints without it, and
// the read commands a duty officer types all shift load only their own verbs.
import { CommanderError } from 'commander';
import { EXIT, isWatchfloorError } from '../core/errors.js';
import { watchfloorVersion } from '../core/version.js';
import { inertText } from '../render/inert-text.js';
import { isHelpOrVersion, parseErrorAsUsage } from './commander-errors.js';
import type { Deps, TextSink } from './deps.js';
import { settleJsonFlag } from './json-flag.js';
import { asksJsonOutput } from './output-option.js';
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

interface ReportOptions {
  json: boolean;
  debug: boolean;
}

export function reportError(e: unknown, stderr: TextSink, options: ReportOptions): number {
  if (e instanceof CommanderError) return reportCommanderError(e, stderr, options);
  // Ctrl-C at a prompt: the person meant to stop, nothing to report.
  if (isWatchfloorError(e) && e.code === 'interrupted') return e.exitCode;
  if (isWatchfloorError(e)) {
    if (options.json) {
      stderr.write(`${JSON.stringify({ error: e.toJSON() })}\n`);
    } else {
      // The hub's messages name outside things (who acknowledged, what was sent).
      stderr.write(`watchfloor: ${inertText(e.message)}\n`);
      if (e.hint) stderr.write(`hint: ${inertText(e.hint)}\n`);
    }
    if (options.debug) writeStack(e, stderr);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (options.json) {
    stderr.write(`${JSON.stringify({ error: { code: 'bug', message } })}\n`);
  } else {
    stderr.write(`watchfloor: ${inertText(message)}\n`);
    stderr.write('this is a bug in watchfloor; run the command again with --debug and report what it prints\n');
  }
  if (options.debug) writeStack(e, stderr);
  return EXIT.failure;
}

// Commander has already printed help or the version when it throws for them.
function reportCommanderError(e: CommanderError, stderr: TextSink, options: ReportOptions): number {
  if (isHelpOrVersion(e)) return EXIT.ok;
  return reportError(parseErrorAsUsage(e), stderr, { ...options, debug: false });
}

function writeStack(e: unknown, stderr: TextSink): void {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    stderr.write(`${cur instanceof Error ? cur.stack : String(cur)}\n`);
    cur = cur instanceof Error ? cur.cause : undefined;
    if (cur) stderr.write('caused by: ');
  }
}
