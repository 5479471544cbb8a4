// Which chat platforms `watchfloor bot` starts, from the environment or the profile.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { botCredentials } from '../../src/commands/bot/credentials.js';

describe('botCredentials', () => {
  it('Slack over HTTP from the environment, which wins over the profile', () => {
    const c = botCredentials({ SLACK_BOT_TOKEN: 'xoxb-env', SLACK_SIGNING_SECRET: 'sig' }, { slackBotToken: 'xoxb-profile' }, false);
    expect(c).toEqual({ slack: { botToken: 'xoxb-env', signingSecret: 'sig' } });
  });

  it('Slack over Socket Mode from the profile', () => {
    const c = botCredentials({}, { slackBotToken: 'xoxb-p', slackAppToken: 'xapp-p' }, true);
    expect(c).toEqual({ slack: { botToken: 'xoxb-p', appToken: 'xapp-p' } });
  });

  it('Teams alone when only its credentials are there', () => {
    const c = botCredentials({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TENANT_ID: 'tenant' }, {}, false);
    expect(c).toEqual({ teams: { appId: 'app', appPassword: 'pw', tenantId: 'tenant' } });
  });

  it.each([
    [{}, false, 'SLACK_BOT_TOKEN is not set (nor MICROSOFT_APP_ID'],
    [{ SLACK_BOT_TOKEN: 'xoxb' }, false, 'SLACK_SIGNING_SECRET is not set'],
    [{ SLACK_BOT_TOKEN: 'xoxb', SLACK_SIGNING_SECRET: 's' }, true, 'SLACK_APP_TOKEN is not set'],
    [{ SLACK_APP_TOKEN: 'xapp' }, true, 'SLACK_BOT_TOKEN is not set'],
    [{ MICROSOFT_APP_ID: 'app' }, false, 'MICROSOFT_APP_PASSWORD is not set'],
  ] as const)('a missing secret is a one-line usage error naming the variable (%j)', (env, socketMode, message) => {
    const run = (): unknown => botCredentials(env, {}, socketMode);
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as UsageError).message).not.toContain('\n');
      expect((e as UsageError).hint).toBeUndefined();
    }
  });
});
