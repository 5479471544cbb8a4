import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteShellWord, shellCommandLine, unquotableReason } from '../../src/devices/ssh/shell-quote.js';

// Words a caller might smuggle in; each must come out of a real shell as itself.
const HOSTILE = [
  '',
  'plain',
  'two words',
  "it's",
  "''",
  "'\\''",
  '"double"',
  '; rm -rf /tmp/x',
  '$(id)',
  '`id`',
  '${HOME}',
  '$HOME',
  'a && b || c',
  '| cat /etc/passwd',
  '> /tmp/out',
  '*',
  '~',
  '\\',
  '\\\\n',
  '!event',
  '#comment',
  '\t tab',
  'émoji ✈ جواز',
  '-n',
];

describe('quoteShellWord', () => {
  it('single-quotes a word and writes a single quote as close-escape-reopen', () => {
    expect(quoteShellWord('abc')).toBe("'abc'");
    expect(quoteShellWord('')).toBe("''");
    expect(quoteShellWord("it's")).toBe("'it'\\''s'");
  });

  it.each(HOSTILE)('a real sh reads %j back verbatim', (word) => {
    const out = execFileSync('sh', ['-c', `printf '%s' ${quoteShellWord(word)}`], { encoding: 'utf8' });
    expect(out).toBe(word);
  });

  it('refuses NUL and line breaks instead of quoting them', () => {
    for (const word of ['a\0b', 'a\nb', 'a\rb', '\n']) {
      expect(unquotableReason(word)).toBeDefined();
      expect(() => quoteShellWord(word)).toThrow(TypeError);
    }
    expect(unquotableReason('fine')).toBeUndefined();
  });
});

describe('shellCommandLine', () => {
  it('execs the program with every element quoted', () => {
    expect(shellCommandLine(['df', '-P', '/var'])).toBe("exec 'df' '-P' '/var'");
  });

  it('keeps each element one argument through a real shell', () => {
    const line = shellCommandLine(['printf', '[%s]', ...HOSTILE]);
    const out = execFileSync('sh', ['-c', line], { encoding: 'utf8' });
    expect(out).toBe(HOSTILE.map((w) => `[${w}]`).join(''));
  });

  it('refuses an empty argv', () => {
    expect(() => shellCommandLine([])).toThrow(TypeError);
  });
});
