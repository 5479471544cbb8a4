// A presenter that prints nothing: it hands a verb's outcome — the path, the
// parsed input, the streamed events and the result object — back to whoever
// parsed the command. The chat bot runs the CLI's own program with it, and
// maps the very objects the CLI prints to its replies.
import type { Presenter, VerbRun } from './presenter.js';
import type { AnyVerb } from './verb.js';

export interface VerbOutcome {
  path: string[];
  verb: AnyVerb;
  input: unknown;
  events: unknown[];
  result: unknown;
}

export interface OutcomePresenter extends Presenter {
  /** The last verb's outcome, once it has returned; undefined when no verb ran (help, the version). */
  outcome(): VerbOutcome | undefined;
  /** What commander said itself: the help text or the version. */
  said(): string;
}

export function outcomePresenter(): OutcomePresenter {
  let outcome: VerbOutcome | undefined;
  let said = '';
  return {
    writeOut: (text) => void (said += text),
    writeErr: (text) => void (said += text),
    open({ path, verb, input }: VerbRun) {
      const events: unknown[] = [];
      return {
        showsProgress: false,
        event: (event) => void events.push(event),
        end: () => undefined,
        result: (result) => void (outcome = { path, verb, input, events, result }),
      };
    },
    outcome: () => outcome,
    said: () => said,
  };
}
