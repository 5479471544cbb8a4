// `bot` and `watch` with their rooms injected: the chat bots and the terminal
// UI are loaders on Deps, so a test hands in stand-ins and sees exactly what
// the command passes them — plain values in, what it prints out.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatBotsModule, ChatBotsSetup, CardsStart, SlackStart, TeamsCardsStart, TeamsStart } from '../../src/commands/bot/chat-bots-module.js';
import type { WatchUiOptions } from '../../src/commands/watch/watch-ui-module.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const clis: FakeCli[] = [];
afterEach(() => {
  for (const cli of clis.splice(0)) cli.cleanup();
});

function standInBots() {
  const calls: { setup?: ChatBotsSetup; slack?: SlackStart; cards?: CardsStart; teams?: TeamsStart; teamsCards?: TeamsCardsStart; stopped: string[] } = { stopped: [] };
  const module: ChatBotsModule = {
    prepare(setup) {
      calls.setup = setup;
      return {
        startSlack: async (options) => ((calls.slack = options), { url: 'http://127.0.0.1:3000/slack/events', stop: async () => void calls.stopped.push('slack') }),
        startCards: async (options) => ((calls.cards = options), { channel: 'C0CARDS01', stop: async () => void calls.stopped.push('cards') }),
        startTeams: async (options) => ((calls.teams = options), { url: 'http://127.0.0.1:3978/api/messages', stop: async () => void calls.stopped.push('teams') }),
        startTeamsCards: async (options) => ((calls.teamsCards = options), { conversation: '19:desk@thread.tacv2', stop: async () => void calls.stopped.push('teams-cards') }),
      };
    },
  };
  return { module, calls };
}

const BOT_ENV = {
  WATCHFLOOR_HUB: 'http://127.0.0.1:7474',
  WATCHFLOOR_TOKEN: 'wf_bot',
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  MICROSOFT_APP_ID: 'app',
  MICROSOFT_APP_PASSWORD: 'pw',
};

describe('bot', () => {
  it('passes plain values to the chat bots, says what started, and stops them in reverse on shutdown', async () => {
    const bots = standInBots();
    const cli = fakeCli({ env: BOT_ENV, chatBots: bots.module });
    clis.push(cli);
    const r = await cli.run('bot', '--port', '0', '--identities', 'map.yaml', '--cards-channel', 'C0CARDS01', '--cards-route', 'kind:sea=C0SEA0001', '--lang', 'ar');
    expect(r.code, r.stderr).toBe(0);
    expect(bots.calls.setup).toEqual({ identitiesFile: 'map.yaml', cards: { channel: 'C0CARDS01', routes: ['kind:sea=C0SEA0001'] } });
    expect(bots.calls.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 'secret', socketMode: false, port: 0, hub: { hubUrl: 'http://127.0.0.1:7474', token: 'wf_bot' } });
    expect(bots.calls.cards).toMatchObject({ slackToken: 'xoxb-1', minSeverity: 'sev2', lang: 'ar' });
    expect(bots.calls.teams).toMatchObject({ appId: 'app', appPassword: 'pw' });
    expect(r.stdout.split('\n')).toEqual([
      'slack bot listening on http://127.0.0.1:3000/slack/events',
      `incident cards (sev2 and above) to C0CARDS01; outbox ${bots.calls.cards!.outboxFile}`,
      'teams bot listening on http://127.0.0.1:3978/api/messages',
      '',
    ]);
    expect(bots.calls.stopped).toEqual(['teams', 'cards', 'slack']);
  });

  it('--json: one document once everything listens', async () => {
    const bots = standInBots();
    const cli = fakeCli({ env: { ...BOT_ENV, MICROSOFT_APP_ID: '' }, chatBots: bots.module });
    clis.push(cli);
    const r = await cli.run('bot', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('{"slack":{"url":"http://127.0.0.1:3000/slack/events","socketMode":false}}\n');
  });

  it('a route without a cards channel is a usage error, and nothing starts', async () => {
    const bots = standInBots();
    const cli = fakeCli({ env: BOT_ENV, chatBots: bots.module });
    clis.push(cli);
    const r = await cli.run('bot', '--cards-route', 'kind:sea=C0SEA0001');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--cards-route needs --cards-channel');
    expect(bots.calls.slack).toBeUndefined();
  });
});

describe('bot: Teams incident cards', () => {
  const TEAMS_ONLY = { ...BOT_ENV, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' };

  it('start after the Teams bot with its credentials, the conversation and routes as typed, and stop before it', async () => {
    const bots = standInBots();
    const cli = fakeCli({ env: TEAMS_ONLY, chatBots: bots.module });
    clis.push(cli);
    const r = await cli.run('bot', '--teams-cards-conversation', '19:desk@thread.tacv2', '--teams-cards-route', 'kind:sea=19:sea@thread.tacv2', '--teams-service-url', 'https://smba.trafficmanager.net/emea/', '--cards-min-severity', 'sev1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(bots.calls.setup?.teamsCards).toEqual({ conversation: '19:desk@thread.tacv2', routes: ['kind:sea=19:sea@thread.tacv2'] });
    expect(bots.calls.teamsCards).toMatchObject({ appId: 'app', appPassword: 'pw', serviceUrl: 'https://smba.trafficmanager.net/emea/', minSeverity: 'sev1', hub: { token: 'wf_bot' } });
    expect(bots.calls.teamsCards!.outboxFile).toMatch(/teams-outbox-.*\.sqlite$/);
    expect(JSON.parse(r.stdout)).toEqual({ teams: { url: 'http://127.0.0.1:3978/api/messages', cards: { outbox: bots.calls.teamsCards!.outboxFile } } });
    expect(bots.calls.stopped).toEqual(['teams-cards', 'teams']);
  });

  it('a route without a conversation, or a conversation without the Teams bot, is a usage error, and nothing starts', async () => {
    const bots = standInBots();
    const cli = fakeCli({ env: TEAMS_ONLY, chatBots: bots.module });
    clis.push(cli);
    const route = await cli.run('bot', '--teams-cards-route', 'kind:sea=19:sea@thread.tacv2');
    expect(route.code).toBe(2);
    expect(route.stderr).toContain('--teams-cards-route needs --teams-cards-conversation');
    const slackOnly = fakeCli({ env: { ...BOT_ENV, MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: '' }, chatBots: bots.module });
    clis.push(slackOnly);
    const r = await slackOnly.run('bot', '--teams-cards-conversation', '19:desk@thread.tacv2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--teams-cards-conversation needs the Teams bot');
    const badUrl = await cli.run('bot', '--teams-cards-conversation', '19:desk@thread.tacv2', '--teams-service-url', 'smba.example');
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('--teams-service-url: "smba.example" is not an http(s) URL');
    expect(bots.calls.slack).toBeUndefined();
    expect(bots.calls.teams).toBeUndefined();
  });
});

describe('watch', () => {
  it('opens the terminal UI it is handed, with the language and the wall flag', async () => {
    const opened: WatchUiOptions[] = [];
    const cli = fakeCli({ tty: true, env: { WATCHFLOOR_HUB: 'http://127.0.0.1:7474' }, watchUi: { openWatchUi: async (options) => void opened.push(options) } });
    clis.push(cli);
    const r = await cli.run('watch', '--wall', '--lang', 'ar');
    expect(r.code, r.stderr).toBe(0);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ lang: 'ar', wall: true });
    expect(opened[0]!.client.hubUrl).toBe('http://127.0.0.1:7474');
  });
});
