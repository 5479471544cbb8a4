// Programs for chat, built once and used again. Building the CLI's command
// tree costs more CPU than everything else in a chat answer together (a
// hundred commands and their options, every time), and under a channel's
// burst that CPU is what the next request's ack and the other answers wait
// for. Commander (13 and later) puts every command's option values back as
// they were before each parse, so a program may parse again; it only must
// never parse two lines at once. A program leased here serves one request,
// for one chat user, until it is released: its hub connections are made for
// the session it was leased for, and its presenter starts empty.
import { outcomePresenter, type OutcomePresenter } from '../commands/outcome-presenter.js';
import { buildProgram } from '../commands/program.js';
import { chatDeps } from './chat-deps.js';
import type { ChatProgram } from './chat-program.js';
import type { ChatSession } from './session.js';

/** Idle programs kept; more leased at once are built, and dropped when released. */
const KEPT = 16;

export interface LeasedProgram extends ChatProgram {
  release(): void;
}

interface Reusable {
  chat: ChatProgram;
  /** The session its hub calls are made for until the next bind; none between leases. */
  bind(session: ChatSession | undefined): void;
}

const idle: Reusable[] = [];

export function leaseChatProgram(session: ChatSession): LeasedProgram {
  const reusable = idle.pop() ?? reusableProgram();
  reusable.bind(session);
  return {
    ...reusable.chat,
    release() {
      if (idle.includes(reusable)) return;
      reusable.bind(undefined);
      if (idle.length < KEPT) idle.push(reusable);
    },
  };
}

/**
 * Builds programs until `count` are idle, one per turn of the event loop, so
 * a bot that has just started answers its first burst without building them
 * then (and acks whatever arrives meanwhile).
 */
export function warmChatPrograms(count: number): void {
  if (idle.length >= Math.min(count, KEPT)) return;
  setImmediate(() => {
    idle.push(reusableProgram());
    warmChatPrograms(count);
  });
}

function reusableProgram(): Reusable {
  let session: ChatSession | undefined;
  let presenter = outcomePresenter();
  // Every call goes to the presenter of the current lease.
  const current: OutcomePresenter = {
    writeOut: (text) => presenter.writeOut(text),
    writeErr: (text) => presenter.writeErr(text),
    open: (run) => presenter.open(run),
    outcome: () => presenter.outcome(),
    said: () => presenter.said(),
  };
  const deps = chatDeps(() => {
    if (!session) throw new Error('a chat program ran a command before it was leased');
    return session;
  });
  return {
    chat: { program: buildProgram(deps, current), presenter: current },
    bind(next) {
      session = next;
      presenter = outcomePresenter();
    },
  };
}
