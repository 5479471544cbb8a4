// What the zod schema found wrong with a playbook, in words for the officer
// who wrote the file: "required", "one of sev1, sev2, sev3, sev4", "unknown
// field" on the field's own line, rather than zod's "Invalid input: expected
// string, received undefined" or "Invalid key in record".
import type { z } from 'zod';
import type { FieldPath } from './yaml-source.js';

export interface FieldProblem {
  path: FieldPath;
  message: string;
}

type Issue = z.core.$ZodIssue & { input?: unknown };

const A_TYPE: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true or false';
  return `a ${typeof value}`;
}

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

function describeIssue(issue: Issue): FieldProblem[] {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  switch (issue.code) {
    case 'unrecognized_keys':
      // Reported on the unknown key itself, so the line is the one to fix.
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ path, message: 'required' }];
      if (path.length === 0) return [{ path, message: `a playbook is a mapping (id, version, title, description, severity, steps…), not ${kindOf(issue.input)}` }];
      return [{ path, message: `expected ${A_TYPE[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}` }];
    case 'invalid_value': {
      const what = issue.input === undefined ? 'required;' : `${shown(issue.input)} is not`;
      return [{ path, message: `${what} one of ${issue.values.map(String).join(', ')}` }];
    }
    case 'invalid_union': {
      const discriminated = issue as Issue & { note?: string; options?: unknown[] };
      if (discriminated.note === 'No matching discriminator' && discriminated.options) {
        // The input is the whole step; what is wrong is its type.
        const type = (issue.input as Record<string, unknown> | undefined)?.type;
        const what = type === undefined ? 'required' : `${shown(type)} is not a step type`;
        return [{ path, message: `${what}; one of ${discriminated.options.map(String).join(', ')}` }];
      }
      return [{ path, message: issue.message }];
    }
    case 'invalid_key':
      return issue.issues.map((inner) => ({ path, message: inner.message }));
    case 'too_small':
      if (issue.origin === 'array') return [{ path, message: `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}` }];
      if (issue.origin === 'string') return [{ path, message: 'cannot be empty' }];
      return [{ path, message: `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}` }];
    case 'too_big':
      return [{ path, message: `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Each problem once (a field failing two checks with one rule is told it once). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const problem of issues.flatMap((i) => describeIssue(i as Issue))) {
    const key = JSON.stringify([problem.path, problem.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
