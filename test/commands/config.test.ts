// Profiles: precedence flag > environment > profile > default, the file's
// mode, masking, and the commands that read and write it.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HUB, resolveConnection } from '../../src/commands/config/connection.js';
import { configDirFor } from '../../src/commands/config/store.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const hubs: Record<'profile' | 'env' | 'flag', StubHub> = {} as never;
const clis: FakeCli[] = [];
const newCli = (env: Record<string, string> = {}) => {
  const c = fakeCli({ env });
  clis.push(c);
  return c;
};

beforeAll(async () => {
  for (const name of ['profile', 'env', 'flag'] as const) {
    hubs[name] = await startStubHub([{ method: 'GET', path: '/v1/tokens', body: { tokens: [] } }]);
  }
});
afterAll(async () => {
  for (const h of Object.values(hubs)) await h.close();
});
afterEach(() => clis.splice(0).forEach((c) => c.cleanup()));

const tokenSeenBy = (h: StubHub) => h.requests.at(-1)?.headers.authorization;

describe('which hub and token a command uses', () => {
  it('flag beats environment beats profile', async () => {
    const cli = newCli();
    expect((await cli.run('config', 'set', 'hub', hubs.profile.url)).code).toBe(0);
    expect((await cli.run('config', 'set', 'token', 'wf_profile_token_123')).code).toBe(0);

    expect((await cli.run('tokens', 'list')).code).toBe(0);
    expect(tokenSeenBy(hubs.profile)).toBe('Bearer wf_profile_token_123');

    cli.deps.env = { ...cli.deps.env, WATCHFLOOR_HUB: hubs.env.url, WATCHFLOOR_TOKEN: 'wf_env' };
    expect((await cli.run('tokens', 'list')).code).toBe(0);
    expect(tokenSeenBy(hubs.env)).toBe('Bearer wf_env');

    expect((await cli.run('tokens', 'list', '--hub', hubs.flag.url, '--token', 'wf_flag')).code).toBe(0);
    expect(tokenSeenBy(hubs.flag)).toBe('Bearer wf_flag');
  });

  it('--profile and WATCHFLOOR_PROFILE pick the profile; the default hub when nothing is set', () => {
    const config = { activeProfile: 'night', profiles: { night: { hub: 'http://night:1' }, day: { hub: 'http://day:1', token: 't' } } };
    expect(resolveConnection({}, {}, {})).toEqual({ profile: 'default', hubUrl: DEFAULT_HUB, token: undefined });
    expect(resolveConnection({}, {}, config).hubUrl).toBe('http://night:1');
    expect(resolveConnection({}, { WATCHFLOOR_PROFILE: 'day' }, config)).toEqual({ profile: 'day', hubUrl: 'http://day:1', token: 't' });
    expect(resolveConnection({ profile: 'night' }, { WATCHFLOOR_PROFILE: 'day' }, config).profile).toBe('night');
  });

  it('the CA an https:// hub is trusted by: --ca > WATCHFLOOR_CA > the profile; --insecure only from the flag', () => {
    const config = { profiles: { default: { hub: 'https://hub.example:7474', ca: '/etc/wf/profile-ca.pem' } } };
    expect(resolveConnection({}, {}, config)).toMatchObject({ ca: '/etc/wf/profile-ca.pem' });
    expect(resolveConnection({}, { WATCHFLOOR_CA: '/env.pem' }, config).ca).toBe('/env.pem');
    expect(resolveConnection({ ca: '/flag.pem', insecure: true }, { WATCHFLOOR_CA: '/env.pem' }, config)).toMatchObject({ ca: '/flag.pem', insecure: true });
    expect(resolveConnection({}, { WATCHFLOOR_INSECURE: '1' }, config).insecure).toBeUndefined();
  });

  it('the config directory: WATCHFLOOR_CONFIG_DIR, else where conf keeps it', () => {
    expect(configDirFor({ WATCHFLOOR_CONFIG_DIR: '/x' }, 'linux', '/home/o')).toBe('/x');
    expect(configDirFor({}, 'linux', '/home/o')).toBe('/home/o/.config/watchfloor-nodejs');
    expect(configDirFor({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/o')).toBe('/xdg/watchfloor-nodejs');
    expect(configDirFor({}, 'darwin', '/Users/o')).toBe('/Users/o/Library/Preferences/watchfloor-nodejs');
  });
});

describe('config commands', () => {
  it('set writes config.json with mode 0600 in the documented layout', async () => {
    const cli = newCli();
    await cli.run('config', 'set', 'hub', 'http://hub.example:7474/');
    const file = join(cli.configDir, 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ profiles: { default: { hub: 'http://hub.example:7474' } } });
  });

  it('set refuses a hub that is not an http URL (exit 2) and an unknown key', async () => {
    const cli = newCli();
    expect((await cli.run('config', 'set', 'hub', 'hub.example')).code).toBe(2);
    expect((await cli.run('config', 'set', 'hub', 'ftp://hub.example')).code).toBe(2);
    expect((await cli.run('config', 'set', 'colour', 'red')).code).toBe(2);
  });

  it('get prints the value; an unset key is exit 4', async () => {
    const cli = newCli();
    await cli.run('config', 'set', 'hub', 'http://a:1', '--profile', 'night');
    expect((await cli.run('config', 'get', 'hub', '--profile', 'night')).stdout).toBe('http://a:1\n');
    expect((await cli.run('config', 'get', 'token', '--profile', 'night')).code).toBe(4);
  });

  it('list masks tokens; use switches the active profile', async () => {
    const cli = newCli();
    await cli.run('config', 'set', 'token', 'wf_abcdefghijklmnop');
    await cli.run('config', 'set', 'hub', 'http://b:2', '--profile', 'night');
    const list = await cli.run('config', 'list');
    expect(list.stdout).toBe('default (active)\n  token  wf_abc…mnop\nnight\n  hub    http://b:2\n');
    expect(list.stdout).not.toContain('wf_abcdefghijklmnop');

    expect((await cli.run('config', 'use', 'night')).code).toBe(0);
    const json = JSON.parse((await cli.run('config', 'list', '--json')).stdout);
    expect(json).toEqual({ activeProfile: 'night', profile: 'night', profiles: { default: { token: 'wf_abc…mnop' }, night: { hub: 'http://b:2' } } });
  });

  it('a config file that is not JSON is a config error (exit 1) with a hint', async () => {
    const cli = newCli();
    writeFileSync(join(cli.configDir, 'config.json'), '{oops');
    const r = await cli.run('status');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not valid JSON');
    expect(r.stderr).toContain('hint:');
  });
});
