// The SSH transport runs only commands named in a table: each name maps to an
// argv template whose parameters are typed and validated. A parameter fills
// one whole argv element, never part of one, so a value can only ever be one
// argument to the program the table chose.
import { BadArgumentError, CommandNotAllowedError, type TransportErrorContext } from '../errors.js';
import { unquotableReason } from './shell-quote.js';

/** A value matching a pattern, e.g. a systemd unit name. */
export interface PatternParam {
  type: 'pattern';
  pattern: RegExp;
  maxLength: number;
}

/** A whole number in a range, e.g. a line count. */
export interface IntegerParam {
  type: 'integer';
  min: number;
  max: number;
}

/** Free text (no NUL or line breaks); quoting keeps it one literal argument. */
export interface TextParam {
  type: 'text';
  maxLength: number;
}

export type ParamSpec = PatternParam | IntegerParam | TextParam;

/** A literal argv element, or the place where a named parameter goes. */
export type ArgvPart = string | { param: string };

export interface CommandSpec {
  summary: string;
  /** read: only looks at the device; change: alters it (a remediation). */
  effect: 'read' | 'change';
  argv: readonly ArgvPart[];
  params?: Readonly<Record<string, ParamSpec>>;
  /** Overrides the transport's default per-command timeout. */
  timeoutMs?: number;
}

export type CommandTable = Readonly<Record<string, CommandSpec>>;

export type CommandParams = Readonly<Record<string, string | number>>;

export interface ResolvedCommand {
  name: string;
  spec: CommandSpec;
  argv: string[];
}

type Where = Pick<TransportErrorContext, 'transport' | 'target'>;

function validateParam(command: string, param: string, spec: ParamSpec, value: string | number, where: Where): string {
  const fail = (why: string) =>
    new BadArgumentError(`${command}: parameter "${param}" ${why}`, {
      ...where,
      details: { command, param },
    });
  if (spec.type === 'integer') {
    const n = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n)) throw fail('must be a whole number');
    if (n < spec.min || n > spec.max) throw fail(`must be between ${spec.min} and ${spec.max}`);
    return String(n);
  }
  if (typeof value !== 'string') throw fail('must be text');
  if (value.length === 0) throw fail('must not be empty');
  if (value.length > spec.maxLength) throw fail(`must be at most ${spec.maxLength} characters`);
  const unquotable = unquotableReason(value);
  if (unquotable) throw fail(unquotable);
  if (spec.type === 'pattern' && !spec.pattern.test(value)) throw fail(`must match ${spec.pattern}`);
  return value;
}

/**
 * Turn a command name and its parameters into an argv, or throw
 * command_not_allowed / bad_argument. Nothing is sent before this succeeds.
 */
export function resolveCommand(table: CommandTable, name: string, params: CommandParams, where: Where): ResolvedCommand {
  const spec = Object.hasOwn(table, name) ? table[name] : undefined;
  if (!spec) {
    throw new CommandNotAllowedError(`"${name}" is not an allowed command`, {
      ...where,
      hint: `allowed: ${Object.keys(table).join(', ')}`,
      details: { command: name },
    });
  }
  const declared = spec.params ?? {};
  for (const given of Object.keys(params)) {
    if (!Object.hasOwn(declared, given)) {
      throw new BadArgumentError(`${name}: unknown parameter "${given}"`, { ...where, details: { command: name, param: given } });
    }
  }
  const argv = spec.argv.map((part) => {
    if (typeof part === 'string') return part;
    const paramSpec = declared[part.param];
    if (!paramSpec) throw new TypeError(`command table: ${name} uses undeclared parameter "${part.param}"`);
    const value = params[part.param];
    if (value === undefined) {
      throw new BadArgumentError(`${name}: parameter "${part.param}" is required`, {
        ...where,
        details: { command: name, param: part.param },
      });
    }
    return validateParam(name, part.param, paramSpec, value, where);
  });
  return { name, spec, argv };
}
