// Chat receives each verb's result as data, through the CLI's own program and
// a real demo hub: the very objects the CLI prints, never its printed text,
// and failures as the typed errors the verbs threw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import { chatDeps } from '../../src/bot/chat-deps.js';
import { chatProgram, runInChat } from '../../src/bot/chat-program.js';
import { commandReply } from '../../src/bot/command-reply.js';
import type { BotReply } from '../../src/bot/reply.js';
import { chatView } from '../../src/bot/text-reply.js';
import { forecast } from '../../src/commands/forecast/forecast.js';
import { kpiRemote } from '../../src/commands/kpi/remote.js';
import { registerVerb } from '../../src/commands/register.js';
import { status } from '../../src/commands/status/status.js';
import { defineVerb } from '../../src/commands/verb.js';
import { NotFoundError } from '../../src/core/errors.js';
import type { SiteForecast } from '../../src/core/model.js';
import { waitUntil } from '../helpers/wait-until.js';
import { expectKind, startChatHub, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});

describe('chat gets results, not text', () => {
  it('a command run for chat hands back the verb’s result object', async () => {
    const run = await runInChat(chatProgram(chat.session('viewer')), ['status', 'RUH'], 'en');
    expect(run.kind).toBe('outcome');
    if (run.kind !== 'outcome') return;
    expect(run.outcome.verb).toBe(status);
    expect(run.outcome.input).toEqual({ site: 'RUH' });
    // The hub's SiteDetail itself, as CoreClient returned it. The demo world
    // reports every second, so the site's facts are compared, not its live figures.
    const detail = await chat.admin.getSite('RUH');
    const result = run.outcome.result as { site: typeof detail };
    expect(Object.keys(result)).toEqual(['site']);
    expect(result.site.site).toEqual(detail.site);
    expect(Object.keys(result.site).sort()).toEqual(Object.keys(detail).sort());
    // Chat draws only the assets that are not ok, so it asks the hub for those
    // alone (hundreds at a big site otherwise), and is told how many there are in all.
    expect(detail.assets.length).toBeGreaterThan(100);
    expect(result.site.assetCount).toBe(detail.assets.length);
    expect(result.site.assets.every((a) => a.health !== 'ok')).toBe(true);
    const ids = new Set(detail.assets.map((a) => a.id));
    expect(result.site.assets.every((a) => ids.has(a.id))).toBe(true);
    expect(result.site.status.id).toBe('RUH');
  });

  it('a verb with no rich reply is answered with its own text presenter applied to its result', async () => {
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const reply = await commandReply(['kpi', 'remote'], session, 'en', program);
    const outcome = program.presenter.outcome()!;
    expect(outcome.verb).toBe(kpiRemote);
    expect(reply).toEqual({ kind: 'text', title: 'watchfloor kpi remote', text: kpiRemote.present.text(outcome.result as never, chatView('en')) });
  });

  it('`scenario` from chat: the CLI grammar, its result as data, and a bad change refused as a usage error', async () => {
    // The demo world reports every second; scenarios start from RUH's latest report.
    await waitUntil(async () => (await chat.admin.fleetStatus()).sites.find((s) => s.id === 'RUH')?.waitMinutes != null, { what: 'RUH to report', timeoutMs: 15_000 });
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const reply = expectKind(await commandReply(['scenario', 'RUH', '--arrivals', '+30%', '--staff', '-10', '--hours', '2'], session, 'en', program), 'text');
    expect(reply.title).toBe('watchfloor scenario');
    const result = program.presenter.outcome()!.result as { scenarios: { name: string; hours: unknown[] }[] };
    expect(result.scenarios.map((s) => [s.name, s.hours.length])).toEqual([['arrivals=+30%,staff=-10', 2]]);
    expect(reply.text).toContain('arrivals=+30%,staff=-10');
    const refused = expectKind(await answer('scenario RUH --egates half', chat.session('viewer')), 'error');
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain('--egates');
  });

  it('a failure reaches the bot as the typed error, with its details', async () => {
    const failure = await runInChat(chatProgram(chat.session('viewer')), ['status', 'King Fahd'], 'en').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotFoundError);
    const suggestions = (failure as NotFoundError).details.suggestions as string[];
    expect(suggestions.length).toBeGreaterThan(1);
    // …and its suggestions are the choices offered.
    expect((failure as NotFoundError).details.ambiguous).toBe(true);
    const reply = await answer('status "King Fahd"', chat.session('viewer'));
    // The question is drawn from the details, in the reply's language, not the error's English message.
    expect(reply).toMatchObject({ kind: 'did-you-mean', question: '"King Fahd" matches more than one site' });
    expect((reply as Extract<BotReply, { kind: 'did-you-mean' }>).choices.map((c) => c.value)).toEqual(suggestions.slice(0, 3).map((id) => `status ${id}`));
  });

  it('a typed error thrown by a verb added later keeps its message, hint and exit code', async () => {
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const lookup = defineVerb({
      name: 'lookup',
      description: 'finds nothing',
      input: () => ({}),
      run: async () => {
        throw new NotFoundError('nothing here', { hint: 'try elsewhere', details: { suggestions: [] } });
      },
      present: { text: () => 'never shown' },
    });
    registerVerb(program.program, lookup, chatDeps(session), program.presenter);
    expect(await commandReply(['lookup'], session, 'en', program)).toEqual({ kind: 'error', message: 'nothing here', hint: 'try elsewhere', exitCode: 4 });
  });

  it('a bug in a verb is an error reply with its message, not a crash', async () => {
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const broken = defineVerb({
      name: 'broken',
      description: 'always fails',
      input: () => ({}),
      run: async (): Promise<string> => {
        throw new TypeError('boom');
      },
      present: { text: (s) => s },
    });
    registerVerb(program.program, broken, chatDeps(session), program.presenter);
    expect(await commandReply(['broken'], session, 'en', program)).toEqual({ kind: 'error', message: 'boom', exitCode: 1 });
  });
});

// `forecast SITE`: the same verb and grammar as the CLI, answered with its text presenter, and its result as the chart Slack uploads beside it.
describe('forecast in chat', () => {
  it('a viewer asks by a fragment of the name and gets the verb’s own text of the hub’s forecast', async () => {
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const reply = await commandReply(['forecast', 'king khalid', '--hours', '6'], session, 'en', program);
    const outcome = program.presenter.outcome()!;
    expect(outcome.verb).toBe(forecast);
    const result = outcome.result as SiteForecast;
    expect(result.siteId).toBe('RUH');
    const text = forecast.present.text(result, chatView('en'));
    // A fresh demo hub may have no full hour of history yet: an empty forecast has no chart (slack-forecast-chart.test.ts feeds history).
    const chart = result.hours.length ? { chart: { kind: 'forecast', forecast: result } } : {};
    expect(reply).toEqual({ kind: 'text', title: 'watchfloor forecast', text, ...chart });
  });

  it('bad hours are refused before the hub is asked', async () => {
    const session = chat.session('viewer');
    const reply = await commandReply(['forecast', 'RUH', '--hours', '500'], session, 'en', chatProgram(session));
    expect(JSON.stringify(reply)).toContain('--hours');
  });
});
