// How the CLI shows a watch. On a terminal: the verb's own view, redrawn in
// place under a header line whenever something changed (as `watch` does).
// Piped: the snapshot as the verb prints it, then one line per change, the
// change's kind first and the record's own row after it (`added<TAB>INC-…`).
// With --json (or -o json): the snapshot document, then one compact JSON
// object per change, `{ "change": …, "<record>": {…} }` (NDJSON, docs/json.md),
// each with the fields --json FIELDS selects.
import { inertView } from '../../render/inert-text.js';
import type { GlobalOptions } from '../context.js';
import { selectJsonFields } from '../json-fields.js';
import type { TextSink } from '../deps.js';
import type { AnyVerb, CliView } from '../verb.js';
import type { WatchableView, WatchFrame } from './watchable.js';

// Home, then clear the screen: the whole view is drawn again, so nothing of a longer one stays.
const REDRAW = '\x1b[H\x1b[2J';

export function watchPrinter(
  /** Command names from the program down, for the header: ['incidents', 'list']. */
  path: readonly string[],
  verb: AnyVerb,
  watchable: WatchableView<unknown, unknown>,
  globals: GlobalOptions,
  io: { stdout: TextSink; stderr: TextSink },
  view: () => CliView,
): (frame: WatchFrame) => void {
  const present = verb.present;
  const line = (text: string) => io.stdout.write(`${text}\n`);
  const selected = (document: unknown) =>
    globals.jsonFields && present.jsonFields ? selectJsonFields(document, present.jsonFields, globals.jsonFields) : document;

  if (globals.json) {
    return (frame) => {
      if (frame.kind === 'snapshot') return line(JSON.stringify(selected(present.json!(frame.result))));
      for (const { change, only } of frame.changes) {
        const document = selected(present.json!(only)) as Record<string, unknown>;
        const records = present.jsonFields ? document[present.jsonFields.key] : document;
        line(JSON.stringify({ change, [watchable.recordKey]: Array.isArray(records) ? records[0] : records }));
      }
    };
  }

  return (frame) => {
    const now = view();
    if (now.tty) {
      const shown = inertView(frame.result);
      const body = present.text(shown, now) || present.note?.(shown, now) || '';
      const header = `watchfloor ${path.join(' ')} --watch · ${now.now.toISOString().slice(11, 19)} UTC · Ctrl-C stops`;
      const lines = [header, '', ...body.split('\n')];
      io.stdout.write(`${REDRAW}${lines.slice(0, now.height ? Math.max(3, now.height - 1) : undefined).join('\n')}\n`);
      return;
    }
    if (frame.kind === 'snapshot') {
      const shown = inertView(frame.result);
      const text = present.text(shown, now);
      if (text) line(text);
      const note = present.note?.(shown, now);
      if (note) io.stderr.write(`${note}\n`);
      return;
    }
    for (const { change, only } of frame.changes) line(`${change}\t${present.text(inertView(only), now)}`);
  };
}
