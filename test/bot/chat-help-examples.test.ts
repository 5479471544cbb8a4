// Chat's help reads the examples from the same metadata as the CLI's help
// pages; only those a chat user can send as they are belong in it: no shell
// redirection or pipe, nothing chat refuses (a profile, a file on the bot's
// host). Built over a program whose hub is never asked.
import { describe, expect, it } from 'vitest';
import { refusalFor } from '../../src/bot/chat-policy.js';
import { chatProgram } from '../../src/bot/chat-program.js';
import { commandPath } from '../../src/bot/command-path.js';
import { commandReply, helpReply } from '../../src/bot/command-reply.js';
import type { BotReply } from '../../src/bot/reply.js';
import type { ChatSession } from '../../src/bot/session.js';
import { tokenizeChat } from '../../src/bot/tokenize.js';

const session: ChatSession = {
  user: { platform: 'slack', userId: 'U0TEST', watchfloorName: null, role: 'admin', lang: 'en' },
  hub: { hubUrl: 'http://127.0.0.1:9', token: 'wf_unused' },
};
const { program } = chatProgram(session);
const SHELL = /[<>|;&`]|\$\(|\$\{|~\//;

function examplesOf(reply: BotReply): string[] {
  if (reply.kind !== 'help') throw new Error(`expected help, got ${reply.kind}`);
  return reply.examples;
}

describe('chat help examples', () => {
  it('are the verbs’ own examples that chat runs as typed', () => {
    const examples = examplesOf(helpReply(program, 'en'));
    expect(examples).toContain('status RUH');
    expect(examples).toContain('incidents list --site JED');
    expect(examples).toContain('dispatch list --site DMM --state all');
    const unrunnable = examples.filter((e) => SHELL.test(e) || refusalFor(commandPath(program, tokenizeChat(e))));
    expect(unrunnable).toEqual([]);
  });

  it('leave out what only a shell runs', () => {
    const examples = examplesOf(helpReply(program, 'en'));
    expect(examples.some((e) => e.startsWith('audit checkpoint --json >>'))).toBe(false);
    expect(examples).toContain('audit checkpoint');
  });

  // Found: `audit verify --checkpoint FILE` read any file on the bot's host for a chat user,
  // and `playbook report --out FILE` failed there only once it ran; both are refused, with why.
  it('refuse a file on the bot’s host, read or written', async () => {
    for (const line of ['audit verify --checkpoint /etc/hostname', 'playbook report 12 --out /tmp/report.md', 'handover --out /tmp/handover.md', 'handover issue --shift 8h --out /tmp/h.md']) {
      const reply = await commandReply(tokenizeChat(line), session, 'en');
      expect(reply.kind, line).toBe('error');
      expect((reply as Extract<BotReply, { kind: 'error' }>).message, line).toMatch(/is not available in chat: .*bot’s host|is not available in chat: .*bot's host/);
      expect((reply as Extract<BotReply, { kind: 'error' }>).exitCode, line).toBe(2);
    }
    const examples = examplesOf(helpReply(program, 'en'));
    expect(examples.filter((e) => /--checkpoint|--out/.test(e))).toEqual([]);
  });
});
