// Hints written for the CLI, shown in chat as what to type there: one mapping
// applied to every reply on its way out, leaving what chat refuses as it is.
import { describe, expect, it } from 'vitest';
import { chatCommandText, inChatForm } from '../../src/bot/chat-hints.js';
import { chatProgram } from '../../src/bot/chat-program.js';
import type { BotReply } from '../../src/bot/reply.js';
import type { ChatSession } from '../../src/bot/session.js';

const session: ChatSession = {
  user: { platform: 'slack', userId: 'U0TEST', watchfloorName: null, role: 'viewer', lang: 'en' },
  hub: { hubUrl: 'http://127.0.0.1:9', token: 'wf_unused' },
};
const program = chatProgram(session).program;

describe('chatCommandText', () => {
  it('names the slash command in Slack and the mention in Teams', () => {
    expect(chatCommandText('list them with `watchfloor incidents list`', program, 'slack')).toBe('list them with `/wf incidents list`');
    expect(chatCommandText('list them with `watchfloor incidents list`', program, 'teams')).toBe('list them with `@watchfloor incidents list`');
    expect(chatCommandText("a site's assets are listed by `watchfloor status <site>`", program, 'slack')).toBe("a site's assets are listed by `/wf status <site>`");
  });

  it('help is chat’s own help, for the whole program or a noun', () => {
    expect(chatCommandText('(Did you mean status?) see `watchfloor --help`', program, 'slack')).toBe('(Did you mean status?) see `/wf help`');
    expect(chatCommandText('see `watchfloor incidents --help`', program, 'teams')).toBe('see `@watchfloor help incidents`');
  });

  it('a command chat refuses keeps its CLI form: it is for a terminal', () => {
    for (const text of [
      'store one with `watchfloor config set token wf_…`, or set WATCHFLOOR_TOKEN',
      'give the bot a token of its own: `watchfloor tokens create --name slack-bot --role officer --bot`',
      'start it with `watchfloor hub start --demo`',
      'run `watchfloor status --token wf_x` elsewhere',
    ]) {
      expect(chatCommandText(text, program, 'slack')).toBe(text);
    }
    expect(chatCommandText('`watchfloor hub start` or `watchfloor status`', program, 'slack')).toBe('`watchfloor hub start` or `/wf status`');
  });
});

describe('inChatForm', () => {
  it('maps an error’s message and hint and a question, and nothing that is verbatim output', () => {
    const error: BotReply = { kind: 'error', message: 'see `watchfloor --help`', hint: 'list them with `watchfloor sites list`', exitCode: 4 };
    expect(inChatForm(error, program, 'slack')).toEqual({ kind: 'error', message: 'see `/wf help`', hint: 'list them with `/wf sites list`', exitCode: 4 });
    const text: BotReply = { kind: 'text', title: 'watchfloor kpi remote', text: 'run `watchfloor kpi remote --json` for all of it' };
    expect(inChatForm(text, program, 'slack')).toBe(text);
  });
});
