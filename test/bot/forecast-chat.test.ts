// `forecast SITE` from chat: the same verb and grammar as the CLI, answered
// with its text presenter (a chart image upload is to come).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatProgram } from '../../src/bot/chat-program.js';
import { commandReply } from '../../src/bot/command-reply.js';
import { chatView } from '../../src/bot/text-reply.js';
import { forecast } from '../../src/commands/forecast/forecast.js';
import type { SiteForecast } from '../../src/core/model.js';
import { startChatHub, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});

describe('forecast in chat', () => {
  it('a viewer asks by a fragment of the name and gets the verb’s own text of the hub’s forecast', async () => {
    const session = chat.session('viewer');
    const program = chatProgram(session);
    const reply = await commandReply(['forecast', 'king khalid', '--hours', '6'], session, 'en', program);
    const outcome = program.presenter.outcome()!;
    expect(outcome.verb).toBe(forecast);
    const result = outcome.result as SiteForecast;
    expect(result.siteId).toBe('RUH');
    expect(reply).toEqual({ kind: 'text', title: 'watchfloor forecast', text: forecast.present.text(result, chatView('en')) });
  });

  it('bad hours are refused before the hub is asked', async () => {
    const session = chat.session('viewer');
    const reply = await commandReply(['forecast', 'RUH', '--hours', '500'], session, 'en', chatProgram(session));
    expect(JSON.stringify(reply)).toContain('--hours');
  });
});
