import { describe, expect, it } from 'vitest';
import { stripInvocation, tokenizeChat, unescapeSlackEntities } from '../../src/bot/tokenize.js';

describe('tokenizeChat', () => {
  it.each([
    ['status RUH', ['status', 'RUH']],
    ['  incidents   list  ', ['incidents', 'list']],
    ['incidents resolve 42 --summary "new reader fitted"', ['incidents', 'resolve', '42', '--summary', 'new reader fitted']],
    ['incidents resolve 42 --summary “new reader fitted”', ['incidents', 'resolve', '42', '--summary', 'new reader fitted']],
    ['incidents note 42 --text ‘checked it’', ['incidents', 'note', '42', '--text', 'checked it']],
    ["incidents note 42 --text='checked it'", ['incidents', 'note', '42', '--text=checked it']],
    ['incidents note 42 --text=“the reader’s cable”', ['incidents', 'note', '42', '--text=the reader’s cable']],
    ['what’s the wait at DMM', ['what’s', 'the', 'wait', 'at', 'DMM']],
    ["what's the wait", ["what's", 'the', 'wait']],
    ['note "unclosed quote runs on', ['note', 'unclosed quote runs on']],
    ['""', ['']],
    ['ما حالة "مطار الملك خالد"', ['ما', 'حالة', 'مطار الملك خالد']],
  ])('%s', (text, argv) => {
    expect(tokenizeChat(text)).toEqual(argv);
  });
});

describe('stripInvocation', () => {
  it.each([
    ['/wf status RUH', 'status RUH'],
    ['wf status', 'status'],
    ['WF: status', 'status'],
    ['watchfloor status', 'status'],
    ['<@U0BOT> status', 'status'],
    ['<@U0BOT|watchfloor>, wf status', 'status'],
    ['<at>watchfloor</at> status', 'status'],
    ['wfstatus', 'wfstatus'],
    ['status wf', 'status wf'],
  ])('%s', (text, rest) => {
    expect(stripInvocation(text)).toBe(rest);
  });

  it('turns Slack’s entities back into characters', () => {
    expect(unescapeSlackEntities('a &lt;b&gt; &amp;amp;')).toBe('a <b> &amp;');
  });
});
