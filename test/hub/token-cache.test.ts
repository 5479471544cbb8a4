// The hub keeps the tokens it authenticated (src/hub/tokens/verified-tokens.ts), so an
// alert storm does not read its intake token thousands of times a second; a
// revocation must still take effect on the very next request, whether the hub
// itself revoked the token or another process did over the same data file.
// POST /api/v2/alerts confirms a kept token with the rest of its group commit's
// (api/auth.ts: authenticateUnconfirmed): under a stream from several senders,
// every request sent after a revocation returned is refused, whichever path
// revoked it — the API, the CLI, chat, or another process writing the file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/bot/answer.js';
import type { ChatSession } from '../../src/bot/session.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;

beforeAll(async () => {
  hub = await startFixtureHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** POST /api/v2/alerts with `secret` (and `headers`): the status it answers. */
async function postAlert(secret: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${hub.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ labels: { alertname: 'TokenCache', site: 'RUH' } }]),
  });
  await res.text();
  return res.status;
}

describe('a kept token', () => {
  it('stops working on the next request once the hub revokes it', async () => {
    const intake = await hub.clientAs('intake', 'cache-hub-revoke');
    expect(await postAlert(intake.secret)).toBe(200);
    expect(await postAlert(intake.secret)).toBe(200);
    const id = (await hub.admin.listTokens()).find((t) => t.name === 'cache-hub-revoke')!.id;
    await hub.admin.revokeToken(id);
    expect(await postAlert(intake.secret)).toBe(401);
  });

  it('stops working on the next request once another process revokes it in the data file', async () => {
    const intake = await hub.clientAs('intake', 'cache-file-revoke');
    expect(await postAlert(intake.secret)).toBe(200);
    expect(await postAlert(intake.secret)).toBe(200);
    revokeInFile('cache-file-revoke');
    expect(await postAlert(intake.secret)).toBe(401);
  });

  it('is judged afresh for a request that names a role, a chat user or a channel of its own', async () => {
    const intake = await hub.clientAs('intake', 'cache-own-headers');
    const post = (headers: Record<string, string>) => postAlert(intake.secret, headers);
    expect(await post({})).toBe(200);
    expect(await post({})).toBe(200);
    // An intake token acts for nobody, and a channel must be one the hub knows.
    expect(await post({ 'x-watchfloor-act-as': 'viewer' })).toBe(403);
    expect(await post({ 'x-watchfloor-on-behalf-of': 'slack:U1' })).toBe(403);
    expect(await post({ 'x-watchfloor-channel': 'carrier-pigeon' })).toBe(400);
    expect(await post({ 'x-watchfloor-channel': 'cli' })).toBe(200);
    expect(await post({})).toBe(200);
  });

  it('is never a token the hub does not know', async () => {
    expect(await postAlert('wf_not-a-token-the-hub-knows')).toBe(401);
    expect(await postAlert('wf_not-a-token-the-hub-knows')).toBe(401);
  });
});

/** Revokes the token named `name` in the data file from a connection of its own, as another process would. */
function revokeInFile(name: string): void {
  const other = new Database(join(hub.dir, 'hub.sqlite'));
  try {
    other.pragma('busy_timeout = 5000');
    expect(other.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ?').run(new Date().toISOString(), name).changes).toBe(1);
  } finally {
    other.close();
  }
}

const SENDERS = 4;
const AFTER = 30;

/**
 * Four senders post with `secret` without pause; once 40 were taken, `revoke`
 * runs. Every request sent after it returned must be refused (the first
 * AFTER of them are looked at), and the senders then stop.
 */
async function revokeDuringStream(secret: string, revoke: () => Promise<void>): Promise<{ taken: number; late: number[] }> {
  let revoked: number | undefined;
  let taken = 0;
  const late: number[] = [];
  const sender = async () => {
    while (late.length < AFTER) {
      const sent = performance.now();
      const status = await postAlert(secret);
      if (revoked !== undefined && sent > revoked) late.push(status);
      else if (status === 200) taken++;
    }
  };
  const senders = Array.from({ length: SENDERS }, sender);
  await waitUntil(() => taken >= 40, { what: '40 alerts taken with the token', timeoutMs: 20_000 });
  await revoke();
  revoked = performance.now();
  await Promise.all(senders);
  return { taken, late: late.slice(0, AFTER) };
}

const tokenId = async (name: string) => (await hub.admin.listTokens()).find((t) => t.name === name)!.id;

describe('a kept token revoked while alerts stream in on it', { timeout: 60_000 }, () => {
  const refusedFromThenOn = ({ taken, late }: { taken: number; late: number[] }) => {
    expect(taken).toBeGreaterThanOrEqual(40);
    expect(late).toHaveLength(AFTER);
    expect(late.filter((s) => s !== 401)).toEqual([]);
  };

  it('through the API: every request sent after the revocation answered is refused', async () => {
    const intake = await hub.clientAs('intake', 'stream-api-revoke');
    refusedFromThenOn(await revokeDuringStream(intake.secret, async () => void (await hub.admin.revokeToken(await tokenId('stream-api-revoke')))));
  });

  it('through the CLI (`watchfloor tokens revoke`): refused from the command’s exit on', async () => {
    const intake = await hub.clientAs('intake', 'stream-cli-revoke');
    const cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken! });
    try {
      const id = await tokenId('stream-cli-revoke');
      refusedFromThenOn(
        await revokeDuringStream(intake.secret, async () => {
          const run = await runCli(['tokens', 'revoke', id], cli.env);
          expect(run.code, run.stderr).toBe(0);
        }),
      );
    } finally {
      cli.cleanup();
    }
  });

  it('through chat (an admin asks the bot): refused from the reply on', async () => {
    const intake = await hub.clientAs('intake', 'stream-chat-revoke');
    const bot = await hub.clientAs('admin', 'stream-chat-bot', { bot: true });
    const session: ChatSession = {
      user: { platform: 'slack', userId: 'UADMIN', watchfloorName: 'admin on shift', role: 'admin', lang: 'en' },
      hub: { hubUrl: hub.url, token: bot.secret },
    };
    const id = await tokenId('stream-chat-revoke');
    refusedFromThenOn(
      await revokeDuringStream(intake.secret, async () => {
        const reply = await answer(`tokens revoke ${id}`, session);
        expect(reply.kind, JSON.stringify(reply).slice(0, 400)).not.toBe('error');
      }),
    );
    expect((await hub.admin.listTokens()).find((t) => t.id === id)?.revokedAt).toBeTruthy();
  });

  it('by another process writing the data file: refused from its commit on', async () => {
    const intake = await hub.clientAs('intake', 'stream-file-revoke');
    refusedFromThenOn(await revokeDuringStream(intake.secret, async () => revokeInFile('stream-file-revoke')));
  });
});
