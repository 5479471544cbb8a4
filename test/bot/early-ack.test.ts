// Which requests the receiver acks itself, at once: only a plain slash command
// the bot registers, parsed as Bolt parses it. Everything else is Bolt's.
import { describe, expect, it } from 'vitest';
import { slashCommandOf } from '../../src/bot/slack/early-ack.js';
import { FORM, JSON_TYPE, slashCommandBody } from '../helpers/slack-signing.js';

const OURS = new Set(['/wf']);
const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());

describe('slashCommandOf', () => {
  it("takes the bot's own command with its fields as Slack sent them, Arabic and Slack's escapes included", () => {
    const body = Buffer.from(slashCommandBody({ text: 'حالة <#C1|ops> & "RUH"', userId: 'U1', responseUrl: 'https://hooks.slack.com/commands/T/1/x' }));
    const fields = slashCommandOf(FORM, body, OURS);
    expect(fields).toMatchObject({ command: '/wf', text: 'حالة <#C1|ops> & "RUH"', user_id: 'U1', response_url: 'https://hooks.slack.com/commands/T/1/x' });
  });

  it.each([
    ['a command the bot does not register', FORM, form({ command: '/other', text: 'x' })],
    ["Slack's ssl_check", FORM, form({ ssl_check: '1', token: 't' })],
    ['an ssl_check that names a command', FORM, form({ ssl_check: '1', command: '/wf' })],
    ['a button press (an interactivity payload)', FORM, form({ payload: JSON.stringify({ type: 'block_actions' }) })],
    ['a command with a payload beside it', FORM, form({ command: '/wf', payload: '{}' })],
    ['an event (JSON)', JSON_TYPE, Buffer.from(JSON.stringify({ command: '/wf', type: 'event_callback' }))],
    ['a command field given twice', FORM, Buffer.from('command=%2Fwf&command=%2Fwf&text=x')],
    ['its text given twice (a list where the listener reads a string)', FORM, Buffer.from('command=%2Fwf&text=a&text=b')],
    ['no content type', undefined, form({ command: '/wf' })],
  ])('leaves %s to Bolt', (_what, contentType, body) => {
    expect(slashCommandOf(contentType, body, OURS)).toBeUndefined();
  });
});
