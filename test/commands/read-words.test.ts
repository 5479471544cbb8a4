// Which words the read bundle serves alone (src/commands/read-words.ts): the
// read commands typed first, and --version, but never a stream (--watch, in
// any short-flag cluster) nor a `--json WORD` that needs every verb's fields.
import { describe, expect, it } from 'vitest';
import { servesAlone } from '../../src/commands/read-words.js';

describe('servesAlone', () => {
  it.each([
    [['--version']],
    [['-V']],
    [['status']],
    [['status', '--json']],
    [['status', 'RUH', '--json']],
    [['incidents', 'list', '--json', '--state', 'open']],
    [['incidents', 'ack', 'INC-000001']],
    [['sites', 'show', 'RUH']],
    [['status', '--json', '--lang', 'ar']],
  ])('serves %j', (argv) => {
    expect(servesAlone(argv)).toBe(true);
  });

  it.each([
    [[]],
    [['--version', 'status']],
    [['--json', 'status']],
    [['kpi', 'remote']],
    [['status', '--watch']],
    [['incidents', 'list', '-w']],
    [['incidents', 'list', '-nw', '5']],
    [['status', '--json', 'id,health']],
    [['watch']],
  ])('hands %j to the full bundle', (argv) => {
    expect(servesAlone(argv)).toBe(false);
  });
});
