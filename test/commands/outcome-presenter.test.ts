// The seam between the command tree and its caller: the same program, built
// with the outcome presenter instead of the CLI's, hands each verb's result
// object (and its streamed events) back and prints nothing; a failure comes
// out as the typed error, with its details.
import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomePresenter, type VerbOutcome } from '../../src/commands/outcome-presenter.js';
import { buildProgram } from '../../src/commands/program.js';
import { incidentsList } from '../../src/commands/incidents/list.js';
import { diagRun } from '../../src/commands/diag/run.js';
import { CheckFailedError, NotFoundError } from '../../src/core/errors.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { FIX_RUN } from './diag-fixtures.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { INCIDENTS, SITES } from './fixtures.js';

let hub: StubHub;
let cli: FakeCli;
let printed: string;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/incidents?state=open&site=JED', body: { incidents: [INCIDENTS[1]] } },
    { method: 'POST', path: '/v1/diagnostics/runs', ndjson: FIX_RUN },
    { method: 'GET', path: '/v1/audit/verify', body: { ok: false, checked: 12, firstBroken: { seq: 7, reason: 'hash mismatch' } } },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' } });
  printed = '';
  cli.deps.io.stdout = { write: (s: string) => (printed += s) };
  cli.deps.io.stderr = { write: (s: string) => (printed += s) };
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
  cli.cleanup();
});

async function outcomeOf(...argv: string[]): Promise<VerbOutcome> {
  const presenter = outcomePresenter();
  await buildProgram(cli.deps, presenter).parseAsync(argv, { from: 'user' });
  const outcome = presenter.outcome();
  expect(outcome).toBeDefined();
  return outcome!;
}

describe('the outcome presenter', () => {
  it('hands back the verb, its parsed input and its result object, and prints nothing', async () => {
    const outcome = await outcomeOf('incidents', 'list', '--site', 'jed', '--json');
    expect(outcome.verb).toBe(incidentsList);
    expect(outcome.path).toEqual(['incidents', 'list']);
    expect(outcome.input).toEqual({ state: 'open', site: 'jed', severity: undefined, children: false });
    // The hub's objects, not the --json document (which would be { incidents: [...] }).
    expect(outcome.result).toEqual([INCIDENTS[1]]);
    expect(outcome.events).toEqual([]);
    expect(printed).toBe('');
  });

  it('hands back a stream’s events, in order, with the result', async () => {
    const outcome = await outcomeOf('diag', 'run', 'ruh/egate-07', '--fix');
    expect(outcome.verb).toBe(diagRun);
    expect(outcome.events).toEqual(FIX_RUN);
    expect(outcome.result).toEqual({ verdicts: FIX_RUN.filter((e) => e.type === 'verdict'), errors: [] });
    expect(printed).toBe('');
  });

  it('lets a typed error through with its details', async () => {
    const presenter = outcomePresenter();
    const failure = await buildProgram(cli.deps, presenter)
      .parseAsync(['status', 'king'], { from: 'user' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect((failure as NotFoundError).details.suggestions).toEqual(['RUH', 'JED', 'LND-KFC']);
    expect(presenter.outcome()).toBeUndefined();
  });

  it('hands back a result that is also a failure before the failure is thrown', async () => {
    const presenter = outcomePresenter();
    const failure = await buildProgram(cli.deps, presenter)
      .parseAsync(['audit', 'verify'], { from: 'user' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CheckFailedError);
    expect((failure as CheckFailedError).details).toEqual({ firstBroken: { seq: 7, reason: 'hash mismatch' }, checked: 12 });
    expect(presenter.outcome()?.result).toEqual({ ok: false, checked: 12, firstBroken: { seq: 7, reason: 'hash mismatch' } });
  });

  it('gives help as what commander said, and parse errors as commander’s own', async () => {
    const presenter = outcomePresenter();
    const help = await buildProgram(cli.deps, presenter).parseAsync(['incidents', 'ack', '--help'], { from: 'user' }).catch((e: unknown) => e);
    expect((help as CommanderError).code).toBe('commander.helpDisplayed');
    expect(presenter.said()).toContain('Usage: watchfloor incidents ack [options] [id]');
    expect(presenter.said()).toContain('Examples:\n  watchfloor incidents ack 42');
    const bad = await buildProgram(cli.deps, outcomePresenter()).parseAsync(['sites', 'list', '--kind', 'moon'], { from: 'user' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CommanderError);
    expect(printed).toBe('');
  });
});
