// One playbook file's text → its definition, or every problem found in it,
// each with the file, line and field: first well-formed YAML, then the schema,
// then the checks the schema cannot make. The hub's loader, `playbook
// validate` and POST /v1/playbooks/validate all read files through here.
import { PlaybookDefinition } from '../../core/model.js';
import type { PlaybookFileError } from '../../core/model.js';
import { checkDefinition } from './definition-checks.js';
import { describeIssues, type FieldProblem } from './schema-issues.js';
import { fieldName, parseYamlSource, type YamlSource } from './yaml-source.js';

export interface ParsedPlaybook {
  definition: PlaybookDefinition | undefined;
  errors: PlaybookFileError[];
  /** The line of the `id` field, for problems between files (two files with one id). */
  idLine: number | null;
}

/** Bigger than any playbook a person writes; a file this size is a mistake (or an attack on the loader). */
export const MAX_PLAYBOOK_BYTES = 256 * 1024;

export function parsePlaybook(text: string, file: string): ParsedPlaybook {
  if (Buffer.byteLength(text) > MAX_PLAYBOOK_BYTES) {
    return { definition: undefined, idLine: null, errors: [{ file, line: null, field: null, message: `larger than ${MAX_PLAYBOOK_BYTES / 1024} KiB: not a playbook` }] };
  }
  const source = parseYamlSource(text);
  const idLine = source.lineOf(['id']);
  if (source.problems.length > 0) {
    return { definition: undefined, idLine, errors: source.problems.map((p) => ({ file, line: p.line, field: null, message: p.message })) };
  }
  if (source.value === null || source.value === undefined) {
    return { definition: undefined, idLine, errors: [{ file, line: null, field: null, message: 'empty: a playbook is a mapping of id, version, title, description, severity and steps' }] };
  }
  const parsed = PlaybookDefinition.safeParse(source.value, { reportInput: true });
  const problems = parsed.success ? checkDefinition(parsed.data) : describeIssues(parsed.error.issues);
  return {
    definition: parsed.success && problems.length === 0 ? parsed.data : undefined,
    idLine,
    // In the order a person reads the file.
    errors: problems.map((p) => located(p, file, source)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

function located(problem: FieldProblem, file: string, source: YamlSource): PlaybookFileError {
  return { file, line: source.lineOf(problem.path), field: problem.path.length ? fieldName(problem.path) : null, message: problem.message };
}
