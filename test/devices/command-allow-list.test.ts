import { describe, expect, it } from 'vitest';
import { resolveCommand, type CommandTable } from '../../src/devices/ssh/command-allow-list.js';
import { SITE_SERVER_COMMANDS } from '../../src/devices/ssh/site-server-commands.js';
import { BadArgumentError, CommandNotAllowedError } from '../../src/devices/errors.js';

const where = { transport: 'ssh', target: 'srv:22' } as const;
const table = SITE_SERVER_COMMANDS as CommandTable;

describe('resolveCommand', () => {
  it('fills parameters into whole argv elements', () => {
    expect(resolveCommand(table, 'disk-usage', {}, where).argv).toEqual(['df', '-P', '/var']);
    expect(resolveCommand(table, 'service-status', { service: 'nginx.service' }, where).argv).toEqual([
      'systemctl',
      'is-active',
      'nginx.service',
    ]);
    expect(resolveCommand(table, 'service-logs', { service: 'egate@3', lines: '50' }, where).argv).toEqual([
      'journalctl',
      '--no-pager',
      '--output=short-iso',
      '-u',
      'egate@3',
      '-n',
      '50',
    ]);
  });

  it('refuses a command that is not in the table, naming what is allowed', () => {
    const attempt = () => resolveCommand(table, 'rm', {}, where);
    expect(attempt).toThrow(CommandNotAllowedError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'command_not_allowed', hint: expect.stringContaining('disk-usage') }));
    // Inherited object keys are not commands.
    expect(() => resolveCommand(table, 'constructor', {}, where)).toThrow(CommandNotAllowedError);
    expect(() => resolveCommand(table, '__proto__', {}, where)).toThrow(CommandNotAllowedError);
  });

  it.each([
    ['service-status', { service: 'nginx; reboot' }, 'must match'],
    ['service-status', { service: '$(id)' }, 'must match'],
    ['service-status', { service: 'Nginx' }, 'must match'],
    ['service-status', { service: '' }, 'must not be empty'],
    ['service-status', { service: 'a'.repeat(129) }, 'at most 128'],
    ['service-status', { service: 7 }, 'must be text'],
    ['service-status', {}, 'is required'],
    ['service-status', { service: 'nginx', extra: 'x' }, 'unknown parameter'],
    ['service-logs', { service: 'nginx', lines: 0 }, 'between 1 and 1000'],
    ['service-logs', { service: 'nginx', lines: '10; id' }, 'whole number'],
    ['service-logs', { service: 'nginx', lines: 2.5 }, 'whole number'],
    ['certificate-expiry', { path: '/etc/../root/key.pem' }, 'must match'],
    ['certificate-expiry', { path: 'relative.pem' }, 'must match'],
  ] as const)('%s %j is a bad argument (%s)', (name, params, why) => {
    const attempt = () => resolveCommand(table, name, params, where);
    expect(attempt).toThrow(BadArgumentError);
    expect(attempt).toThrow(why);
  });

  it('refuses NUL and line breaks even in free-text parameters', () => {
    const echo: CommandTable = {
      echo: { summary: 'echo', effect: 'read', argv: ['printf', '%s', { param: 'text' }], params: { text: { type: 'text', maxLength: 100 } } },
    };
    expect(resolveCommand(echo, 'echo', { text: "it's $(id); `x`" }, where).argv[2]).toBe("it's $(id); `x`");
    expect(() => resolveCommand(echo, 'echo', { text: 'a\nreboot' }, where)).toThrow('line break');
    expect(() => resolveCommand(echo, 'echo', { text: 'a\0b' }, where)).toThrow('NUL');
  });
});

describe('SITE_SERVER_COMMANDS', () => {
  it.each(Object.entries(table))('%s declares exactly the parameters its argv uses', (_name, spec) => {
    const used = spec.argv.flatMap((part) => (typeof part === 'string' ? [] : [part.param])).sort();
    expect(used).toEqual(Object.keys(spec.params ?? {}).sort());
  });

  it('has no literal argv element that could not be quoted', () => {
    for (const spec of Object.values(table)) {
      for (const part of spec.argv) if (typeof part === 'string') expect(part).not.toMatch(/[\0\r\n]/);
    }
  });
});
