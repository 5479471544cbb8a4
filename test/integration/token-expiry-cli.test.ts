// Token expiry as a person meets it at the terminal: the built CLI against a
// real hub whose clock the test moves. Created with --expires, listed with a
// mark as it nears, warned of on stderr, refused after (exit 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenInfo } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

const DAY = 86_400_000;
let hub: TestHub;
let cli: CliEnv;
let shift = 0;

const envFor = (token: string) => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: token });

beforeAll(async () => {
  hub = await startTestHub({ now: () => new Date(Date.now() + shift) });
  cli = cliEnv();
});

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

async function createToken(name: string, expires: string): Promise<{ token: TokenInfo; secret: string }> {
  const r = await runCli(['tokens', 'create', '--name', name, '--role', 'officer', '--expires', expires, '--json'], envFor(hub.adminToken));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { token: TokenInfo; secret: string };
}

describe('tokens with an expiry, at the CLI', () => {
  it('create --expires 90d sets it; words that name no time are a usage error (exit 2) before any call', async () => {
    const { token } = await createToken('contractor-90d', '90d');
    expect(Date.parse(token.expiresAt!) - Date.now()).toBeGreaterThan(89 * DAY);
    const bad = await runCli(['tokens', 'create', '--name', 'x', '--role', 'officer', '--expires', 'soon'], envFor(hub.adminToken));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--expires');
  });

  it('a token within a week of its expiry works, with one warning line on stderr; tokens list marks it', async () => {
    const { token, secret } = await createToken('contractor-3d', '3d');
    const r = await runCli(['incidents', 'list', '--json'], envFor(secret));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ incidents: [] });
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^warning: this API token expires at ${token.expiresAt} \\(in \\d+[dh]\\); ask an admin for a new one before then$`));

    const listed = await runCli(['tokens', 'list'], envFor(hub.adminToken));
    expect(listed.code, listed.stderr).toBe(0);
    const row = listed.stdout.split('\n').find((l) => l.includes('contractor-3d'))!;
    expect(row.split('\t').at(-1)).toBe(`${token.expiresAt} (expires soon)`);
    const far = listed.stdout.split('\n').find((l) => l.includes('contractor-90d'))!;
    expect(far.split('\t').at(-1)).not.toContain('soon');
    const json = JSON.parse((await runCli(['tokens', 'list', '--json'], envFor(hub.adminToken))).stdout) as { tokens: TokenInfo[] };
    expect(json.tokens.find((t) => t.name === 'contractor-3d')).toMatchObject({ expiresAt: token.expiresAt, bot: false });
  });

  it('after its expiry the token is refused: exit 6, one line naming when, and a hint', async () => {
    const { token, secret } = await createToken('contractor-1d', '1d');
    shift = 2 * DAY;
    try {
      const r = await runCli(['status'], envFor(secret));
      expect(r.code).toBe(6);
      expect(r.stderr.split('\n')[0]).toBe(`watchfloor: the API token "contractor-1d" expired at ${token.expiresAt}`);
      expect(r.stderr).toContain('hint: ');
    } finally {
      shift = 0;
    }
  });
});
