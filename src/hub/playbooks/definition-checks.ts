// The checks a playbook must pass that the zod schema cannot make, because
// they relate one part of the file to another or to the hub's vocabularies:
// step ids are unique, every goto/then/else names a step, every ${name} names
// a declared input (or the run's incident, site or asset), inputs are declared
// once with defaults of their type, trigger values are words the hub uses, and
// a remediation is an action devices take. Run on a definition the schema
// accepted; each problem names its field, so the loader can give its line.
import type { PlaybookCondition, PlaybookDefinition, PlaybookInput, PlaybookStep } from '../../core/model.js';
import { spanMs } from '../../core/time-input.js';
import { TRIGGER_VALUE_SETS } from '../../core/model.js';
import { DEVICE_ACTIONS } from '../../devices/device-api.js';
import type { FieldProblem } from './schema-issues.js';
import type { FieldPath } from './yaml-source.js';

/** What ${…} may name without an input of that name: the run's own incident, site and asset. */
export const RUN_REFERENCES = ['incident', 'site', 'asset'] as const;

const REFERENCE = /\$\{([^}]*)\}/g;

function uniqueStepIds(steps: readonly PlaybookStep[]): FieldProblem[] {
  const first = new Map<string, number>();
  const problems: FieldProblem[] = [];
  steps.forEach((step, i) => {
    const earlier = first.get(step.id);
    if (earlier === undefined) first.set(step.id, i);
    else problems.push({ path: ['steps', i, 'id'], message: `"${step.id}" is already the id of steps[${earlier}]` });
  });
  return problems;
}

function routesToSteps(steps: readonly PlaybookStep[]): FieldProblem[] {
  const ids = new Set(steps.map((s) => s.id));
  const problems: FieldProblem[] = [];
  const check = (target: string | undefined, path: FieldPath) => {
    if (target !== undefined && !ids.has(target)) problems.push({ path, message: `no step "${target}" in this playbook` });
  };
  steps.forEach((step, i) => {
    for (const route of ['onFailure', 'onTimeout'] as const) {
      const to = step[route];
      if (typeof to === 'object') check(to.goto, ['steps', i, route, 'goto']);
    }
    if (step.type === 'branch') {
      check(step.then, ['steps', i, 'then']);
      check(step.else, ['steps', i, 'else']);
    }
  });
  return problems;
}

/** Every string in `value`, with its path under `at`. */
function stringsIn(value: unknown, at: FieldPath): { text: string; path: FieldPath }[] {
  if (typeof value === 'string') return [{ text: value, path: at }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, [...at, k]));
  return [];
}

function references(definition: PlaybookDefinition): FieldProblem[] {
  const known = new Set<string>([...RUN_REFERENCES, ...definition.inputs.map((i) => i.name)]);
  const problems: FieldProblem[] = [];
  definition.steps.forEach((step, i) => {
    for (const { text, path } of stringsIn(step, ['steps', i])) {
      for (const [, name] of text.matchAll(REFERENCE)) {
        if (!known.has(name!)) problems.push({ path, message: `${JSON.stringify(`\${${name}}`)} names no input of this playbook (it may name ${[...known].join(', ')})` });
      }
      if (text.replace(REFERENCE, '').includes('${')) problems.push({ path, message: 'a ${ without its closing }' });
    }
  });
  return problems;
}

/** Every `input` condition names an input the playbook declares. */
function conditionInputs(definition: PlaybookDefinition): FieldProblem[] {
  const declared = new Set(definition.inputs.map((i) => i.name));
  const problems: FieldProblem[] = [];
  const visit = (c: PlaybookCondition, path: FieldPath): void => {
    if ('input' in c && !declared.has(c.input.name)) problems.push({ path: [...path, 'input', 'name'], message: `no input "${c.input.name}" in this playbook` });
    if ('all' in c) c.all.forEach((inner, i) => visit(inner, [...path, 'all', i]));
    if ('any' in c) c.any.forEach((inner, i) => visit(inner, [...path, 'any', i]));
    if ('not' in c) visit(c.not, [...path, 'not']);
  };
  definition.steps.forEach((step, i) => {
    if (step.type === 'wait' && step.until) visit(step.until, ['steps', i, 'until']);
    if (step.type === 'branch') visit(step.if, ['steps', i, 'if']);
  });
  return problems;
}

function defaultFits(input: PlaybookInput): boolean {
  const d = input.default;
  if (d === undefined) return true;
  if (input.type === 'number') return typeof d === 'number';
  if (input.type === 'boolean') return typeof d === 'boolean';
  if (input.type === 'duration') return typeof d === 'string' && spanMs(d) !== undefined;
  return typeof d === 'string';
}

function inputs(definition: PlaybookDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  definition.inputs.forEach((input, i) => {
    if (seen.has(input.name)) problems.push({ path: ['inputs', i, 'name'], message: `input "${input.name}" is declared twice` });
    seen.add(input.name);
    const reserved = (RUN_REFERENCES as readonly string[]).includes(input.name);
    if (reserved && input.type !== input.name) {
      problems.push({ path: ['inputs', i, 'type'], message: `an input named ${input.name} stands for the run's ${input.name}: its type must be ${input.name}` });
    }
    if (!defaultFits(input)) problems.push({ path: ['inputs', i, 'default'], message: `not a ${input.type}` });
  });
  return problems;
}

function triggerValues(definition: PlaybookDefinition): FieldProblem[] {
  const problems: FieldProblem[] = [];
  definition.triggers.forEach((trigger, i) => {
    for (const [key, value] of Object.entries(trigger.match)) {
      const allowed = (TRIGGER_VALUE_SETS as Record<string, readonly string[]>)[key];
      if (!allowed) continue;
      const values = Array.isArray(value) ? value : [value];
      values.forEach((v, j) => {
        if (allowed.includes(v)) return;
        const path: FieldPath = Array.isArray(value) ? ['triggers', i, 'match', key, j] : ['triggers', i, 'match', key];
        problems.push({ path, message: `${JSON.stringify(v)} is not one of the hub's ${key} values: ${allowed.join(', ')}` });
      });
    }
  });
  return problems;
}

function remediations(steps: readonly PlaybookStep[]): FieldProblem[] {
  const actions: readonly string[] = DEVICE_ACTIONS;
  return steps.flatMap((step, i) =>
    step.type === 'remediate' && !actions.includes(step.action)
      ? [{ path: ['steps', i, 'action'], message: `${JSON.stringify(step.action)} is not a device action; one of ${actions.join(', ')}` }]
      : [],
  );
}

export function checkDefinition(definition: PlaybookDefinition): FieldProblem[] {
  return [
    ...inputs(definition),
    ...triggerValues(definition),
    ...uniqueStepIds(definition.steps),
    ...routesToSteps(definition.steps),
    ...references(definition),
    ...conditionInputs(definition),
    ...remediations(definition.steps),
  ];
}
