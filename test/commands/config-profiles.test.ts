// Issue 13, item 5: `config current`, deleting and renaming profiles. Found as
// a new user: "unknown command 'current'", and no way to remove a profile but
// editing config.json by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCli, type FakeCli } from './fake-deps.js';

let cli: FakeCli;

beforeEach(async () => {
  cli = fakeCli();
  expect((await cli.run('--profile', 'staging', 'config', 'set', 'hub', 'http://127.0.0.1:7001')).code).toBe(0);
  expect((await cli.run('--profile', 'night', 'config', 'set', 'hub', 'http://127.0.0.1:7002')).code).toBe(0);
});

afterEach(() => cli.cleanup());

describe('config current', () => {
  it('names the profile in use and where the choice comes from', async () => {
    expect(await cli.run('config', 'current')).toEqual({ code: 0, stdout: 'default\n', stderr: '' });
    await cli.run('config', 'use', 'night');
    expect(JSON.parse((await cli.run('config', 'current', '--json')).stdout)).toEqual({ profile: 'night', source: 'config', exists: true });
    const flagged = await cli.run('--profile', 'staging', 'config', 'current');
    expect(flagged).toEqual({ code: 0, stdout: 'staging\n', stderr: '(from --profile)\n' });
  });
});

describe('config rename-profile and delete-profile', () => {
  it('renames a profile, keeping it active and its settings', async () => {
    await cli.run('config', 'use', 'staging');
    const r = await cli.run('config', 'rename-profile', 'staging', 'day');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'renamed profile staging to day\n' });
    expect((await cli.run('config', 'current')).stdout).toBe('day\n');
    expect((await cli.run('config', 'get', 'hub')).stdout).toBe('http://127.0.0.1:7001\n');
  });

  it('refuses to rename onto an existing profile (exit 5) or from a missing one (exit 4)', async () => {
    expect((await cli.run('config', 'rename-profile', 'staging', 'night')).code).toBe(5);
    const missing = await cli.run('config', 'rename-profile', 'nope', 'x');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe('watchfloor: no profile nope\nhint: profiles: staging, night\n');
    expect((await cli.run('config', 'rename-profile', 'staging', 'bad name')).code).toBe(2);
  });

  it('deletes a profile; deleting the active one falls back to the default', async () => {
    await cli.run('config', 'use', 'night');
    const r = await cli.run('config', 'delete-profile', 'night');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'deleted profile night; the default profile is active now\n' });
    expect((await cli.run('config', 'current')).stdout).toBe('default\n');
    expect((await cli.run('__complete', 'profiles')).stdout).toBe('staging\n');
    expect((await cli.run('config', 'delete-profile', 'night')).code).toBe(4);
  });
});
