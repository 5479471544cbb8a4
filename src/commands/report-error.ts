// What a failed command says: on stderr, in words (or, with --json, a JSON
// object) and with the exit code its error carries; commander's own throws
// (help and the version, already shown; parse errors, as usage errors) too.
// Loaded by the runner only when a command fails, with commander already loaded.
import { CommanderError } from 'commander';
import { EXIT, isWatchfloorError } from '../core/errors.js';
import { inertText } from '../render/inert-text.js';
import { isHelpOrVersion, parseErrorAsUsage } from './commander-errors.js';
import type { TextSink } from './deps.js';

export interface ReportOptions {
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
