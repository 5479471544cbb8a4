// Where a site's words go when chat text is not quoted: read from each
// command's declared arguments and options (those completed from the hub's
// sites), the same rule for every verb, and never where it does not belong.
import { describe, expect, it } from 'vitest';
import { chatProgram } from '../../src/bot/chat-program.js';
import type { ChatSession } from '../../src/bot/session.js';
import { joinSiteWords } from '../../src/bot/site-words.js';
import { tokenizeChat } from '../../src/bot/tokenize.js';

// Nothing here calls the hub: the program is only read.
const session: ChatSession = {
  user: { platform: 'slack', userId: 'U0TEST', watchfloorName: null, role: 'viewer', lang: 'en' },
  hub: { hubUrl: 'http://127.0.0.1:9', token: 'wf_unused' },
};
const join = (text: string) => joinSiteWords(chatProgram(session).program, tokenizeChat(text));

describe('joinSiteWords', () => {
  it('a site argument takes the words past the command’s arguments, in either script', () => {
    expect(join('status King Abdulaziz International Airport')).toEqual(['status', 'King Abdulaziz International Airport']);
    expect(join('status مطار الملك عبدالعزيز الدولي')).toEqual(['status', 'مطار الملك عبدالعزيز الدولي']);
    expect(join('--lang ar status Wadi Al-Dawasir')).toEqual(['--lang', 'ar', 'status', 'Wadi Al-Dawasir']);
    expect(join('diag run King Fahd Causeway --dry-run')).toEqual(['diag', 'run', 'King Fahd Causeway', '--dry-run']);
  });

  it('a site option takes them too, given apart or as one word', () => {
    expect(join('incidents list --site King Abdulaziz International Airport --state open')).toEqual([
      'incidents', 'list', '--site', 'King Abdulaziz International Airport', '--state', 'open',
    ]);
    expect(join('incidents list --state open --site=Wadi Al-Dawasir')).toEqual(['incidents', 'list', '--state', 'open', '--site=Wadi Al-Dawasir']);
  });

  it('leaves alone what is quoted, what fits, and words that follow no site', () => {
    expect(join('status "King Abdulaziz International Airport"')).toEqual(['status', 'King Abdulaziz International Airport']);
    expect(join('status RUH')).toEqual(['status', 'RUH']);
    expect(join('status')).toEqual(['status']);
    // Another option between the site and the stray word: the parser's error stands.
    expect(join('incidents list --site King --state open Abdulaziz')).toEqual(['incidents', 'list', '--site', 'King', '--state', 'open', 'Abdulaziz']);
    // No site in the command at all.
    expect(join('incidents ack 42 right now')).toEqual(['incidents', 'ack', '42', 'right', 'now']);
    expect(join('kpi remote extra words')).toEqual(['kpi', 'remote', 'extra', 'words']);
  });
});
