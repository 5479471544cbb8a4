// The CLI's presenter: each verb's result printed with the verb's own
// presenter — text for a person, the --json document for scripts — events as
// they happen, progress on stderr while a person watches. stdout carries data
// only; notes and progress go to stderr. Text for a person is rendered from
// the data made inert (inertView): this is the boundary every text renderer
// sits behind, so none of them has to remember it.
import { inertView } from '../render/inert-text.js';
import type { GlobalOptions } from './context.js';
import { selectJsonFields } from './json-fields.js';
import type { Deps } from './deps.js';
import type { Presenter, RunOutlet, VerbRun } from './presenter.js';
import type { CliView, ProgressDisplay } from './verb.js';
import { watchPrinter } from './watching/watch-presenter.js';

/** How human output should look on this stdout. */
export function cliView(deps: Deps, globals: GlobalOptions): CliView {
  const { io } = deps;
  const tty = io.isStdoutTTY && !globals.json;
  return {
    tty,
    color: tty && io.color && globals.color && !deps.env.NO_COLOR,
    width: io.width,
    lang: globals.lang,
    now: deps.clock.now(),
    height: io.isStdoutTTY ? io.height : undefined,
    wide: globals.wide,
  };
}

export function cliPresenter(deps: Deps): Presenter {
  const { io } = deps;
  const print = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  // One document per line when piped (scripts read lines); indented for a person.
  const printJson = (value: unknown) => io.stdout.write(`${JSON.stringify(value, null, io.isStdoutTTY ? 2 : undefined)}\n`);
  const printLine = (value: unknown) => io.stdout.write(`${JSON.stringify(value)}\n`);

  return {
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    open({ path, verb, globals }: VerbRun): RunOutlet {
      const present = verb.present;
      const json = globals.json;
      const writeJson = present.jsonLines ? printLine : printJson;
      const view = () => cliView(deps, globals);
      const progress: ProgressDisplay<unknown> | undefined =
        present.events?.progress && view().tty
          ? present.events.progress({ write: (s) => io.stderr.write(s), width: io.width, now: () => deps.clock.now().getTime() })
          : undefined;
      return {
        ...(verb.watch ? { watch: watchPrinter(path, verb, verb.watch, globals, io, view) } : {}),
        showsProgress: progress !== undefined,
        event(event) {
          progress?.event(event);
          if (json) {
            const value = present.events?.json?.(event);
            if (value !== undefined) writeJson(value);
          } else {
            const text = present.events?.text?.(inertView(event), view());
            if (text !== undefined) print(text);
          }
        },
        end() {
          progress?.end();
        },
        result(result) {
          if (json && present.json) {
            const document = present.json(result);
            const value = globals.jsonFields && present.jsonFields ? selectJsonFields(document, present.jsonFields, globals.jsonFields) : document;
            if (value !== undefined) writeJson(value);
            return;
          }
          const now = view();
          const shown = present.ownText ? result : inertView(result);
          const note = json ? undefined : present.note?.(shown, now);
          if (note && present.noteFirst) io.stderr.write(`${note}\n`);
          const text = present.text(shown, now);
          if (text) print(text);
          if (note && !present.noteFirst) io.stderr.write(`${note}\n`);
        },
      };
    },
  };
}
