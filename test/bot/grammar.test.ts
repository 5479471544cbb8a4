// Chat text through the CLI's own program against a real demo hub: the same
// commands, the same JSON, refusals for what chat must not do, and no drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import { chatDeps } from '../../src/bot/chat-deps.js';
import { chatRefusals, refusalFor } from '../../src/bot/chat-policy.js';
import { chatProgram } from '../../src/bot/chat-program.js';
import { commandPath, leafCommands } from '../../src/bot/command-path.js';
import { commandReply } from '../../src/bot/command-reply.js';
import type { BotReply } from '../../src/bot/reply.js';
import { RICHLY_ANSWERED } from '../../src/bot/verb-replies.js';
import { buildProgram } from '../../src/commands/program.js';
import { registerCommand, verbOf } from '../../src/commands/register.js';
import { defineNoun, defineVerb } from '../../src/commands/verb.js';
import { expectKind, startChatHub, triggeredIncident, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});


describe('chat text is CLI grammar', () => {
  it('`status` is the fleet, worst first, as `status --json` gives it', async () => {
    const fleet = expectKind(await answer('status', chat.session('viewer')), 'fleet');
    expect(fleet.status.totals.sites).toBe(104);
    expect(fleet.status.sites).toHaveLength(104);
  });

  it('`/wf status RUH`, `wf status ruh` and a mention all give the same site', async () => {
    for (const text of ['/wf status RUH', 'wf status ruh', '<@U0BOT> status RUH', 'watchfloor: status “RUH”']) {
      const site = expectKind(await answer(text, chat.session('viewer')), 'site');
      expect(site.site.site.id).toBe('RUH');
      expect(site.site.status.id).toBe('RUH');
    }
  });

  it('`sites list --kind sea` and `incidents list` map to lists', async () => {
    const sites = expectKind(await answer('sites list --kind sea', chat.session('viewer')), 'sites');
    expect(sites.sites.length).toBeGreaterThan(5);
    expect(sites.sites.every((s) => s.kind === 'sea')).toBe(true);
    const id = await triggeredIncident(chat.admin, 'grammar: listed incident');
    const list = expectKind(await answer('incidents list', chat.session('viewer')), 'incidents');
    expect(list.incidents.map((i) => i.id)).toContain(id);
    expect(list.heading).toBe('Open incidents');
  });

  it('`incidents show` carries the timeline and the buttons its state allows', async () => {
    const id = await triggeredIncident(chat.admin, 'grammar: shown incident');
    const shown = expectKind(await answer(`incidents show ${id}`, chat.session('viewer')), 'incident');
    expect('timeline' in shown.incident && shown.incident.timeline.length).toBeGreaterThan(0);
    expect(shown.actions.map((a) => a.id)).toEqual(['ack', 'diag', 'escalate', 'resolve']);
  });

  it('an officer acks from chat: a done reply, and the audit log names the chat user and channel', async () => {
    const id = await triggeredIncident(chat.admin, 'grammar: acked from chat');
    const done = expectKind(await answer(`incidents ack ${id}`, chat.session('officer', { userId: 'U0AHMED', name: 'Ahmed' })), 'done');
    expect(done.incident).toMatchObject({ id, state: 'acknowledged' });
    expect(done.message).toContain(id);
    const entry = (await chat.admin.listAudit({ limit: 500 })).reverse().find((e) => e.action === 'incident.ack' && e.target === id);
    expect(entry).toMatchObject({ channel: 'slack', detail: { onBehalfOf: 'slack:U0AHMED (Ahmed)' } });
  });

  it('a quoted summary with smart quotes stays one argument', async () => {
    const id = await triggeredIncident(chat.admin, 'grammar: resolved from chat');
    // An officer resolves what they acknowledged.
    expectKind(await answer(`incidents ack ${id}`, chat.session('officer')), 'done');
    const done = expectKind(await answer(`incidents resolve ${id} --summary “replaced the reader’s cable”`, chat.session('officer')), 'done');
    expect(done.incident).toMatchObject({ state: 'resolved', summary: 'replaced the reader’s cable' });
  });

  it('a command without a rich reply answers with the CLI text', async () => {
    const text = expectKind(await answer('kpi remote', chat.session('viewer')), 'text');
    expect(text.title).toBe('watchfloor kpi remote');
    expect(text.text).toContain('remote resolution');
  });

  it('a noun that runs a verb alone does so in chat too: `kpi` is the KPI summary, not the list of its verbs', async () => {
    const text = expectKind(await answer('kpi', chat.session('viewer')), 'text');
    expect(text.title).toBe('watchfloor kpi summary');
    expect(text.text).toContain('acknowledged within SLA');
    expect(text.text).toContain('travellers satisfied');
  });

  it('a hub refusal is an error reply with the hub’s message and hint', async () => {
    const error = expectKind(await answer('audit list', chat.session('viewer')), 'error');
    expect(error.exitCode).toBe(6);
    expect(error.message).toContain('slack:UVIEWER');
    expect(error.hint).toMatch(/role/);
  });

  it('a malformed command is a usage error', async () => {
    const error = expectKind(await answer('incidents list --severity sev9', chat.session('viewer')), 'error');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('sev9');
  });

  it('a site that matches several offers each as a choice to press, quoted or not (chat has no shell)', async () => {
    const dym = expectKind(await answer('status "King Fahd"', chat.session('viewer')), 'did-you-mean');
    expect(dym.choices.length).toBeGreaterThan(1);
    expect(dym.choices.every((c) => c.id === 'run' && /^status \S+$/.test(c.value))).toBe(true);
    const unquoted = expectKind(await answer('status king fahd', chat.session('viewer')), 'did-you-mean');
    expect(unquoted.choices).toEqual(dym.choices);
  });
});

describe('what chat refuses', () => {
  it.each([
    ['hub start --demo', 'hub start'],
    ['demo', 'demo'],
    ['watch', 'watch'],
    ['config list', 'config list'],
    ['completion bash', 'completion'],
    ['tokens create --name x --role admin', 'tokens create'],
    ['sim faults', 'sim faults'],
    ['bot --slack', 'bot'],
    ['status --token wf_secret', '--token'],
    ['--hub http://127.0.0.1:1 status', '--hub'],
    // It would read files on the bot's host for whoever asks in chat.
    ['audit verify --checkpoint /etc/passwd', '--checkpoint'],
    // It follows the hub until stopped: a chat reply is one answer.
    ['status --watch', '--watch'],
    ['incidents list --region makkah --watch', '--watch'],
  ])('`%s` is refused before it runs', async (text, named) => {
    const error = expectKind(await answer(text, chat.session('admin')), 'error');
    expect(error.message).toContain(`\`${named}\``);
    expect(error.message).toContain('not available in chat');
  });

  it('`incidents list -w` (the short form) never follows the hub from chat either', async () => {
    const reply = await answer('incidents list -w', chat.session('admin'));
    expect(reply.kind).toBe('error');
  });

  it('says why in the user’s language', async () => {
    const error = expectKind(await answer('tokens create --name x --role admin', chat.session('admin', { lang: 'ar' })), 'error');
    expect(error.message).toContain('غير متاح في المحادثة');
    expect(error.message).toContain('رمزاً سرياً');
  });

  it('commands run with no environment and no profile: the bot process’s token never reaches them', async () => {
    const deps = chatDeps(chat.session('viewer'));
    expect(deps.env).toEqual({});
    expect(deps.config.read()).toEqual({});
    process.env.WATCHFLOOR_TOKEN = chat.hub.adminToken;
    try {
      // Were the environment read, the admin token would make this succeed.
      expect(expectKind(await answer('tokens list', chat.session('viewer')), 'error').exitCode).toBe(6);
    } finally {
      delete process.env.WATCHFLOOR_TOKEN;
    }
  });
});

describe('help and drift', () => {
  it('help lists the chat-safe commands read from the program, none refused', async () => {
    const help = expectKind(await answer('help', chat.session('viewer')), 'help');
    const usages = help.commands.map((c) => c.usage);
    expect(usages).toContain('status [site]');
    expect(usages.some((u) => u.startsWith('incidents ack'))).toBe(true);
    expect(usages.some((u) => /^(hub|demo|watch|config|sim|completion)\b|^tokens create/.test(u))).toBe(false);
    expect(expectKind(await answer('', chat.session('viewer')), 'help').commands).toEqual(help.commands);
    const group = expectKind(await answer('incidents', chat.session('viewer')), 'help');
    expect(group.commands.every((c) => c.usage.startsWith('incidents '))).toBe(true);
  });

  it('every CLI command is either answered in chat or refused with a reason', async () => {
    const program = buildProgram(chatDeps(chat.session('viewer')));
    const leaves = leafCommands(program);
    expect(leaves.length).toBeGreaterThan(20);
    for (const { names } of leaves) {
      if (refusalFor(commandPath(program, names))) continue;
      // The chat router lands on exactly this command…
      expect(commandPath(program, names).names).toEqual(names);
      // …and chat runs it: its help comes back as text, not a refusal or an unknown command.
      const reply = await answer(`${names.join(' ')} --help`, chat.session('viewer'));
      expect(reply.kind, names.join(' ')).toBe('text');
      expect((reply as Extract<BotReply, { kind: 'text' }>).text).toContain(`watchfloor ${names.join(' ')}`);
    }
    // The refusals are read from each command's metadata: every terminal-only command and connection option is still refused.
    expect(chatRefusals(program).map((r) => r.what).sort()).toEqual(
      ['--ca', '--hub', '--insecure', '--profile', '--token', '__complete', 'bot', 'completion', 'config', 'demo', 'hub', 'inventory', 'playbook schema', 'playbook validate', 'sim', 'tokens create', 'watch'].sort(),
    );
    // …each saying why, in both languages.
    for (const r of chatRefusals(program)) expect([r.why.en.trim().length > 0, r.why.ar.trim().length > 0], r.what).toEqual([true, true]);
    // Every rich reply is for a verb the CLI has.
    const registered = leaves.map(({ command }) => verbOf(command));
    for (const verb of RICHLY_ANSWERED) expect(registered, verb.name).toContain(verb);
  });

  it('a command registered on the program later is answered in chat the day it lands', async () => {
    // What a future verb looks like to chat: added to the same program chat parses with, nothing in src/bot told of it.
    const handover = defineVerb({
      name: 'handover',
      description: 'hand the shift over',
      configure: (command) => void command.option('--note <text>', 'for the next shift'),
      input: (_args: [], options: { note?: string }) => ({ note: options.note ?? '' }),
      run: async (input) => ({ handedOver: true, note: input.note }),
      present: { text: (result) => `shift handed over: ${result.note}` },
    });
    const session = chat.session('viewer');
    const shiftChat = chatProgram(session);
    registerCommand(shiftChat.program, defineNoun({ name: 'shift', description: 'shifts', verbs: [handover] }), chatDeps(session), shiftChat.presenter);
    const path = commandPath(shiftChat.program, ['shift', 'handover', '--note', 'x']);
    expect(path.names).toEqual(['shift', 'handover']);
    expect(refusalFor(path)).toBeUndefined();
    expect(RICHLY_ANSWERED).not.toContain(verbOf(path.command)); // so it answers with its text presenter
    const reply = expectKind(await commandReply(['shift', 'handover', '--note', 'x'], session, 'en', shiftChat), 'text');
    expect(reply).toEqual({ kind: 'text', title: 'watchfloor shift handover', text: 'shift handed over: x' });
  });
});
