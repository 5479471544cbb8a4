// A password written into a hub URL (`--hub http://user:secret@host`) must
// never come back on the screen, in JSON errors or in a stored profile shown by
// `config list`. The hub takes bearer tokens, not passwords, so the CLI refuses
// a hub URL that carries a user or password (exit 2) and shows it masked.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { closedPortUrl } from '../helpers/stub-hub.js';

const PASSWORD = 'hunter2-secret';
let cli: CliEnv;
let withPassword = '';

beforeAll(async () => {
  cli = cliEnv();
  const dead = new URL(await closedPortUrl());
  withPassword = `http://duty:${PASSWORD}@${dead.host}`;
});
afterAll(() => cli?.cleanup());

describe('a hub URL with a password in it', () => {
  it('--hub: exit 2, the URL shown with the password masked, nowhere in clear', async () => {
    const r = await runCli(['--hub', withPassword, 'status'], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('http://duty:****@127.0.0.1');
    expect(r.stderr).toContain('token');
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
  });

  it('WATCHFLOOR_HUB with --json: the error object has no password either', async () => {
    const r = await runCli(['status', '--json'], { ...cli.env, WATCHFLOOR_HUB: withPassword });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('usage');
    expect(r.stderr + r.stdout).not.toContain(PASSWORD);
  });

  it('config set hub refuses it (exit 2) without echoing the password', async () => {
    const r = await runCli(['config', 'set', 'hub', withPassword], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(PASSWORD);
  });

  it('config list masks one stored before (an old profile, a hand-edited file)', async () => {
    const own = cliEnv();
    try {
      writeFileSync(join(own.configDir, 'config.json'), JSON.stringify({ profiles: { default: { hub: withPassword, sim: `http://drill:${PASSWORD}@127.0.0.1:1` } } }));
      const text = await runCli(['config', 'list'], own.env);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('http://duty:****@127.0.0.1');
      const json = await runCli(['config', 'list', '--json'], own.env);
      expect(json.stdout).toContain('duty:****@');
      expect(text.stdout + json.stdout).not.toContain(PASSWORD);
    } finally {
      own.cleanup();
    }
  });
});
