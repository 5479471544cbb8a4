// A run's view of its playbook's text: ${name} is the input of that name,
// ${site} and ${incident} the site and incident the run was started on. The
// loader refuses a file naming an input it does not declare; a run refuses to
// go on with a name it cannot fill (a ${site} on a run started without one)
// rather than act on a target with a hole in it.
import { UsageError } from '../../core/errors.js';
import type { InputValue } from '../../core/model.js';

export interface RunScope {
  inputs: Readonly<Record<string, InputValue>>;
  siteId: string | null;
  incidentId: string | null;
  /** A drill started on no incident: ${incident} names the drill (its run id, once it has one). */
  drill?: boolean | undefined;
  id?: string | undefined;
}

/** What ${incident} says: the incident, or in a drill on none, the drill itself (its messages say it is one). */
function incidentOf(scope: RunScope): string | null {
  if (scope.incidentId !== null) return scope.incidentId;
  return scope.drill ? `drill${scope.id ? ` ${scope.id}` : ''}` : null;
}

const REFERENCE = /\$\{([a-z][a-z0-9-]{0,63})\}/g;

/** `text` with each ${name} filled in; a name with no value is a UsageError naming it. */
export function fill(text: string, scope: RunScope): string {
  return text.replace(REFERENCE, (_all, name: string) => {
    const value = name === 'site' ? scope.siteId : name === 'incident' ? incidentOf(scope) : scope.inputs[name];
    if (value === undefined || value === null) {
      const how = name === 'site' ? 'start the run with --site' : name === 'incident' ? 'start the run with --incident' : `give it with --input ${name}=…`;
      throw new UsageError(`\${${name}} has no value in this run`, { hint: how });
    }
    return String(value);
  });
}

/** Every string in `value` (a condition, a step's params) filled in. */
export function fillDeep<T>(value: T, scope: RunScope): T {
  if (typeof value === 'string') return fill(value, scope) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, scope)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, scope)])) as T;
  }
  return value;
}
