// Request bodies and query strings are checked with zod; a failure is a
// UsageError listing each problem by field.
import type { z } from 'zod';
import { UsageError } from '../../core/errors.js';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new UsageError(`invalid ${what}: ${summary}`, { details: { issues } });
}
