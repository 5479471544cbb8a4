// The playbook verbs as chat text, on a demo hub with the built-in playbooks:
// each one answers in chat (reads for anyone, runs and steering for officers
// as the hub decides), and chat refuses what reads the bot host's files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import type { BotReply } from '../../src/bot/reply.js';
import { startChatHub, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => chat?.stop());

const flat = (reply: BotReply) => JSON.stringify(reply);

describe('playbook verbs in chat', () => {
  it('reads: list, show, history, runs — for a viewer too', async () => {
    const viewer = chat.session('viewer');
    expect(flat(await answer('playbook list', viewer))).toContain('national-platform-outage');
    expect(flat(await answer('playbook show network-intrusion', viewer))).toContain('isolate');
    expect((await answer('playbook history egate-bank-failure', viewer)).kind).toBe('text');
    expect((await answer('playbook runs', viewer)).kind).toBe('text');
  });

  it('refuses playbook validate: it would read files on the bot host', async () => {
    const reply = await answer('playbook validate /etc', chat.session('admin'));
    expect(reply).toMatchObject({ kind: 'error', exitCode: 2, message: expect.stringContaining("reads files on the bot's host") });
  });

  it('a dry run plans and starts nothing; a viewer may not start; an officer starts, reads, notes and aborts, and the run is theirs through slack', async () => {
    const officer = chat.session('officer', { name: 'Omar' });
    const { incident } = await chat.admin.createIncident({ title: 'queue above 90 minutes', severity: 'sev2', siteId: 'JED' });
    const before = (await chat.admin.listRuns()).length;
    expect((await answer(`playbook run hajj-umrah-surge --site JED --incident ${incident.id} --dry-run`, officer)).kind).toBe('text');
    expect(await answer(`playbook run hajj-umrah-surge --site JED --incident ${incident.id} --yes`, chat.session('viewer'))).toMatchObject({ kind: 'error', exitCode: 6 });
    expect((await chat.admin.listRuns()).length).toBe(before);

    const started = await answer(`playbook run hajj-umrah-surge --site JED --incident ${incident.id} --yes`, officer);
    const runId = /RUN-\d{6}/.exec(flat(started))![0];
    const { run } = await chat.admin.getRun(runId);
    expect(run).toMatchObject({ channel: 'slack', startedBy: { name: 'Omar (slack:UOFFICER)' } });
    const status = await answer(`playbook status ${runId}`, officer);
    expect(status.kind).toBe('run');
    expect(flat(await answer(`playbook note ${runId} "crowd at gate 4"`, officer))).toContain(runId);
    const aborted = await answer(`playbook abort ${runId} --reason "drill over"`, officer);
    expect(aborted.kind, flat(aborted)).not.toBe('error');
    expect((await chat.admin.getRun(runId)).run.status).toBe('aborted');
    expect((await chat.admin.getRun(runId)).notes.map((n) => [n.actor.name, n.channel])).toEqual([['Omar (slack:UOFFICER)', 'slack']]);
  });
});
