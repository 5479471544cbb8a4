// Issue 13, item 5: every help page's Examples are the verb's own, and they
// stay true. Each example is parsed by the real program (the same argv
// settling run() does) with every verb's action swapped for one that only
// builds its input, so an example that no longer parses, lands on another
// verb, or asks for a --json field the verb does not publish fails here,
// without a hub or a network.
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { globalOptionsOf } from '../../src/commands/context.js';
import { checkJsonFields } from '../../src/commands/json-fields.js';
import { settleJsonFlag } from '../../src/commands/json-flag.js';
import { metadataOf } from '../../src/commands/metadata.js';
import { buildProgram, publishedJsonFields } from '../../src/commands/program.js';
import { commandNames, verbOf } from '../../src/commands/register.js';
import { fakeCli } from './fake-deps.js';

const cli = fakeCli();
afterAll(() => cli.cleanup());

const isHidden = (c: Command) => (c as Command & { _hidden?: boolean })._hidden === true;

/** Every verb a person can see in help: [path, command]. */
function visibleVerbs(program: Command): Array<[string, Command]> {
  const out: Array<[string, Command]> = [];
  const visit = (c: Command) => {
    for (const sub of c.commands) {
      if (isHidden(sub)) continue;
      if (verbOf(sub)) out.push([commandNames(sub).join(' '), sub]);
      visit(sub);
    }
  };
  visit(program);
  return out;
}

/**
 * An example as a shell would hand it to watchfloor: quotes taken off, and
 * what the shell itself acts on (a redirection and what follows it) left
 * out. `$(date +%F)` stays inside its word.
 */
function shellArgv(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let started = false;
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (depth === 0 && (c === '>' || c === '|')) break;
    if (depth === 0 && /\s/.test(c)) {
      if (started) words.push(word);
      word = '';
      started = false;
      continue;
    }
    started = true;
    if (depth === 0 && (c === '"' || c === "'")) {
      const end = line.indexOf(c, i + 1);
      word += line.slice(i + 1, end);
      i = end;
      continue;
    }
    if (c === '$' && line[i + 1] === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    word += c;
  }
  if (started) words.push(word);
  return words;
}

/** Parses one example with the real program; returns the verb it reached, or throws what the CLI would report. */
async function parseExample(example: string): Promise<string> {
  const program = buildProgram(cli.deps);
  let reached = '';
  const stopAfterParsing = (command: Command) => {
    const verb = verbOf(command);
    if (verb) {
      command.action((...params: unknown[]) => {
        const count = command.registeredArguments.length;
        verb.input(params.slice(0, count), params[count], command);
        const fields = globalOptionsOf(command).jsonFields;
        if (fields) checkJsonFields(fields, verb, example);
        reached = commandNames(command).join(' ');
      });
    }
    command.commands.forEach(stopAfterParsing);
  };
  stopAfterParsing(program);
  await program.parseAsync(settleJsonFlag(shellArgv(example), publishedJsonFields(program)), { from: 'user' });
  return reached;
}

describe('examples on every verb', () => {
  const program = buildProgram(cli.deps);
  const verbs = visibleVerbs(program);

  it('walks the whole tree', () => {
    expect(verbs.length).toBeGreaterThan(50);
  });

  it('every verb a person can see has 1–5 examples of its own (enough to show its flags, short enough to read)', () => {
    const without = verbs.filter(([, c]) => {
      const n = metadataOf(c).examples?.length ?? 0;
      return n < 1 || n > 5;
    });
    expect(without.map(([path]) => path)).toEqual([]);
  });

  it('each example parses with the real program and reaches its own verb', async () => {
    const broken: string[] = [];
    for (const [path, command] of verbs) {
      for (const example of metadataOf(command).examples ?? []) {
        try {
          const reached = await parseExample(example);
          if (reached !== path) broken.push(`${path}: \`${example}\` reached ${reached || 'no verb'}`);
        } catch (e) {
          broken.push(`${path}: \`${example}\`: ${(e as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  // The check itself must catch rot, or it proves nothing.
  it('a rotten example fails the parse', async () => {
    await expect(parseExample('incidents list --stat all')).rejects.toThrow(/unknown option/);
    await expect(parseExample('incidents list --json=id,nope')).rejects.toThrow(/unknown --json field/);
    await expect(parseExample('incidents list --state bogus')).rejects.toThrow(/invalid/);
    await expect(parseExample('sim inject RUH/egate-07')).rejects.toThrow(/required option '--fault/);
    await expect(parseExample('incidents list')).resolves.toBe('incidents list');
    expect(await parseExample('inc ls --state all --json id,title')).toBe('incidents list');
  });

  it('the shell words of an example are what a shell would pass', () => {
    expect(shellArgv('sites show "king khalid" --json')).toEqual(['sites', 'show', 'king khalid', '--json']);
    expect(shellArgv('hub backup /b/hub-$(date +%F).sqlite --force')).toEqual(['hub', 'backup', '/b/hub-$(date +%F).sqlite', '--force']);
    expect(shellArgv('inventory export --format json > inventory.json')).toEqual(['inventory', 'export', '--format', 'json']);
  });
});
