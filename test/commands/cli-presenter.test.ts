// The CLI's presenter on its own, with verbs made for the test: what reaches
// stdout and stderr, and in what order when both go to one place (2>&1).
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPresenter } from '../../src/commands/cli-presenter.js';
import { registerVerb } from '../../src/commands/register.js';
import { defineVerb, type AnyVerb } from '../../src/commands/verb.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const clis: FakeCli[] = [];
afterEach(() => {
  for (const cli of clis.splice(0)) cli.cleanup();
});

/** Runs `verb` as `watchfloor v …`; both streams land in one transcript, marked. */
async function present(verb: AnyVerb, argv: string[], options: { tty?: boolean } = {}): Promise<string> {
  const cli = fakeCli({ tty: options.tty ?? false });
  clis.push(cli);
  let transcript = '';
  cli.deps.io.stdout = { write: (s: string) => (transcript += `out:${s}`) };
  cli.deps.io.stderr = { write: (s: string) => (transcript += `err:${s}`) };
  const program = new Command('watchfloor').option('--json').exitOverride();
  registerVerb(program, verb, cli.deps, cliPresenter(cli.deps));
  await program.parseAsync(['v', ...argv], { from: 'user' });
  return transcript;
}

const counted = (noteFirst: boolean) =>
  defineVerb({
    name: 'v',
    description: 'test verb',
    input: () => ({}),
    run: async () => ({ rows: ['a', 'b'] }),
    present: { text: (r) => r.rows.join('\n'), note: (r) => `${r.rows.length} rows`, noteFirst, json: (r) => ({ rows: r.rows }) },
  });

const streaming = defineVerb({
  name: 'v',
  description: 'test stream',
  input: () => ({}),
  async run(_input, ctx) {
    ctx.emit({ n: 1 });
    ctx.emit({ n: 2 });
    return { total: 2 };
  },
  present: {
    text: (r) => `${r.total} events`,
    json: (r) => ({ total: r.total }),
    jsonLines: true,
    events: { text: (e: { n: number }) => `event ${e.n}`, json: (e: { n: number }) => ({ n: e.n }) },
  },
});

describe('the CLI presenter', () => {
  it('a note follows the text it is about, unless it introduces it', async () => {
    expect(await present(counted(false), [])).toBe('out:a\nb\nerr:2 rows\n');
    expect(await present(counted(true), [])).toBe('err:2 rows\nout:a\nb\n');
  });

  it('--json: the document alone, indented on a terminal, one line piped', async () => {
    expect(await present(counted(false), ['--json'])).toBe('out:{"rows":["a","b"]}\n');
    expect(await present(counted(false), ['--json'], { tty: true })).toBe('out:{\n  "rows": [\n    "a",\n    "b"\n  ]\n}\n');
  });

  it('events print as they come, then the result; JSON Lines stay compact on a terminal', async () => {
    expect(await present(streaming, [])).toBe('out:event 1\nout:event 2\nout:2 events\n');
    expect(await present(streaming, ['--json'], { tty: true })).toBe('out:{"n":1}\nout:{"n":2}\nout:{"total":2}\n');
  });
});
