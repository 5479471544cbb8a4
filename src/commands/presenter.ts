// The seam between the command tree and whoever runs it. The CLI's presenter
// prints each verb's result (cli-presenter.ts); the chat bot's hands the
// result object back (outcome-presenter.ts). One program, one grammar, and no
// front end ever reads another's printed output.
import type { GlobalOptions } from './context.js';
import type { AnyVerb } from './verb.js';
import type { WatchFrame } from './watching/watchable.js';

/** One verb about to run: what was asked, parsed. */
export interface VerbRun {
  /** Command names from the program down: ['incidents', 'ack']. */
  path: string[];
  verb: AnyVerb;
  input: unknown;
  globals: GlobalOptions;
}

/** Where one run's events and result go. */
export interface RunOutlet {
  /** The outlet draws progress as events come, so a verb may spend a call to size it. */
  readonly showsProgress: boolean;
  event(event: unknown): void;
  /** The stream is over (the run returned or failed): a progress display is erased. */
  end(): void;
  result(result: unknown): void;
  /** Shows a `--watch` as it goes (a snapshot, then what changed); absent where nothing can be watched (chat). */
  watch?(frame: WatchFrame): void;
}

export interface Presenter {
  /** Commander's own words: help and the version. */
  writeOut(text: string): void;
  /** Commander's help when it is shown for a usage error (a noun without a verb). */
  writeErr(text: string): void;
  open(run: VerbRun): RunOutlet;
}
