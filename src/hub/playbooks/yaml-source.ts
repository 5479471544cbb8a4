// A playbook file's YAML, parsed so that whatever a later check finds wrong
// can be traced back to the line it is on: the schema and the loader's own
// checks speak in field paths (steps[2].timeout), and this turns a path into
// the line of that field in the file, or of the nearest field around it that
// is there (a missing `target` is reported on its step's line).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type FieldPath = readonly (string | number)[];

export interface SyntaxProblem {
  line: number | null;
  message: string;
}

export interface YamlSource {
  /** The file as plain data; undefined when it is not well-formed YAML (see `problems`). */
  value: unknown;
  problems: SyntaxProblem[];
  /** The line of the field at `path`, or of the nearest enclosing field the file has. */
  lineOf(path: FieldPath): number | null;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `steps[2].timeout`, `triggers[0].match["asset.kind"]`: the path as a person reads it. */
export function fieldName(path: FieldPath): string {
  let name = '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) name += name ? `.${segment}` : segment;
    else name += `[${JSON.stringify(segment)}]`;
  }
  return name;
}

/** One line for a YAML problem: the parser's words without the excerpt it appends. */
const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

export function parseYamlSource(text: string): YamlSource {
  const lines = new LineCounter();
  // No pretty errors: they append an excerpt of the file over several lines.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const problems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({ line: lineAt(e.pos[0]), message: firstLine(e.message) }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      // Aliases are bounded (maxAliasCount), so a file of nested aliases cannot blow up memory.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push({ line: null, message: firstLine(e instanceof Error ? e.message : String(e)) });
    }
  }
  return { value, problems, lineOf: (path) => lineOfPath(doc, path, lineAt) };
}

function lineOfPath(doc: Document, path: FieldPath, lineAt: (offset: number) => number): number | null {
  let node: unknown = doc.contents;
  let line: number | null = startLine(node, lineAt);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      // A field's line is where its key is written, whatever its value spans.
      line = startLine(pair.key, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      line = startLine(item, lineAt) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function startLine(node: unknown, lineAt: (offset: number) => number): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineAt(range[0]) : null;
}
