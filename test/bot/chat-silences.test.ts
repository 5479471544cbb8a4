// Chat marks a silenced site or one in maintenance in its status answers, on
// Slack and Teams alike, and runs the silence verbs with the asker's role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import { renderSlack } from '../../src/bot/slack/blocks.js';
import { renderTeams } from '../../src/bot/teams/cards.js';
import { startChatHub, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});

describe('chat and silences', { timeout: 60_000 }, () => {
  it('an officer silences a site in chat; a viewer may not; status then names it, on Slack and Teams', async () => {
    const refused = await answer('silence add --site JED --for 2h --reason works', chat.session('viewer'));
    expect(refused).toMatchObject({ kind: 'error', exitCode: 6 });
    const added = await answer('silence add --site JED --for 2h --reason cabling works', chat.session('officer'));
    expect(added.kind, JSON.stringify(added)).not.toBe('error');
    const [silence] = await chat.admin.listSilences();
    expect(silence).toMatchObject({ siteId: 'JED', reason: 'cabling works', createdBy: { name: expect.stringContaining('officer') } });

    const fleet = await answer('status', chat.session('viewer'));
    const slack = JSON.stringify(renderSlack(fleet, 'en'));
    const teams = JSON.stringify(renderTeams(fleet, 'en'));
    expect(slack).toContain(`silenced ${silence!.id}`);
    expect(teams).toContain(`silenced ${silence!.id}`);

    const site = await answer('status JED', chat.session('viewer'));
    expect(JSON.stringify(renderSlack(site, 'en'))).toContain(silence!.id);

    await chat.admin.expireSilence(silence!.id);
    const after = JSON.stringify(renderSlack(await answer('status', chat.session('viewer')), 'en'));
    expect(after).not.toContain(silence!.id);
  });
});
