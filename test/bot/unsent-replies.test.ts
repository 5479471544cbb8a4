// The log line of a reply a stop cut off: what was asked, by whom, where —
// inert, clipped, tokens masked.
import { describe, expect, it } from 'vitest';
import { unsentReplyLine } from '../../src/bot/slack/unsent-replies.js';

describe('unsentReplyLine', () => {
  it('quotes the command and names the asker and the channel', () => {
    expect(unsentReplyLine({ what: '/wf status RUH', user: 'U0123', channel: 'C0456' })).toBe('Slack reply not sent (the bot stopped): "/wf status RUH" from U0123 in C0456');
    expect(unsentReplyLine({ what: 'the App Home', user: 'U0123' })).toBe('Slack reply not sent (the bot stopped): "the App Home" from U0123');
  });

  it('keeps what was typed on one line, clipped, with tokens masked, and ids that cannot forge a line', () => {
    const line = unsentReplyLine({ what: `status\r\nSlack reply sent\u001b[2J ${'x'.repeat(300)} wf_${'A'.repeat(43)} xoxb-1-2-secretsecret`, user: 'U1\nforged', channel: 'C1 "x"' });
    expect(line).not.toMatch(/[\r\n\u001b]/);
    expect(line).toContain('"status\\r\\nSlack reply sent\\u001b[2J xxx');
    expect(line).toContain('…"');
    expect(line).not.toContain('xoxb-1-2-secretsecret');
    expect(line).toMatch(/ from U1\?forged in C1\?\?x\?$/);
    const short = unsentReplyLine({ what: `run --token wf_${'A'.repeat(43)} xoxb-1-2-secretsecret`, user: 'U1' });
    expect(short).toBe('Slack reply not sent (the bot stopped): "run --token wf_**** xoxb-****" from U1');
  });
});
