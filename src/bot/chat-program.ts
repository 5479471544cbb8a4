// The program chat parses with: the CLI's own command tree, built over chat
// deps with a presenter that hands each verb's outcome back instead of
// printing it. Running a command line gives the outcome, or what commander
// said itself (help, the version); a failure is thrown as the typed error.
import type { Command } from 'commander';
import { outcomePresenter, type OutcomePresenter, type VerbOutcome } from '../commands/outcome-presenter.js';
import { buildProgram } from '../commands/program.js';
import { isHelpOrVersion } from '../commands/commander-errors.js';
import type { Lang } from '../render/labels.js';
import { chatDeps } from './chat-deps.js';
import type { ChatSession } from './session.js';

export interface ChatProgram {
  program: Command;
  presenter: OutcomePresenter;
}

export type ChatRun = { kind: 'outcome'; outcome: VerbOutcome } | { kind: 'said'; text: string };

export function chatProgram(session: ChatSession): ChatProgram {
  const presenter = outcomePresenter();
  return { program: buildProgram(chatDeps(session), presenter), presenter };
}

/** Parse and run one command line in the reply's language (one at a time on a program: see chat-program-pool.ts). */
export async function runInChat({ program, presenter }: ChatProgram, argv: readonly string[], lang: Lang): Promise<ChatRun> {
  try {
    await program.parseAsync(['--lang', lang, ...argv], { from: 'user' });
  } catch (e) {
    if (isHelpOrVersion(e)) return { kind: 'said', text: presenter.said() };
    throw e;
  }
  const outcome = presenter.outcome();
  // A command made by hand with no action runs nothing: whatever commander said is the answer.
  return outcome ? { kind: 'outcome', outcome } : { kind: 'said', text: presenter.said() };
}
