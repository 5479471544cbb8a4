// `tokens …` and `audit …` through run() against a stub hub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, TokenInfo } from '../../src/core/model.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const TOKEN: TokenInfo = { id: 'tok_7', name: 'night-shift', role: 'officer', bot: false, createdAt: '2025-03-01T06:00:00Z', lastUsedAt: null, revokedAt: null, expiresAt: null };
const ENTRY: AuditEntry = {
  seq: 12, at: '2025-03-01T06:05:00Z', actor: { id: 'tok_1', name: 'admin' }, channel: 'cli', action: 'token.create',
  target: 'tok_7', detail: {}, prevHash: 'aa', hash: 'bb',
};

let hub: StubHub;
let cli: FakeCli;
let brokenHub: StubHub;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'POST', path: '/v1/tokens', status: 201, body: { token: TOKEN, secret: 'wf_secret_once' } },
    { method: 'GET', path: '/v1/tokens', body: { tokens: [TOKEN] } },
    { method: 'DELETE', path: '/v1/tokens/tok_7', body: { token: { ...TOKEN, revokedAt: '2025-03-01T06:10:00Z' } } },
    { method: 'GET', path: '/v1/audit?since=2025-03-01T04%3A30%3A00.000Z&limit=5', body: { entries: [ENTRY] } },
    { method: 'GET', path: '/v1/audit/verify', body: { ok: true, checked: 12, firstBroken: null } },
  ]);
  brokenHub = await startStubHub([
    { method: 'GET', path: '/v1/audit/verify', body: { ok: false, checked: 12, firstBroken: { seq: 9, reason: 'hash mismatch' } } },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
  await brokenHub.close();
  cli.cleanup();
});

describe('tokens', () => {
  it('create prints only the secret on stdout, the rest on stderr', async () => {
    const r = await cli.run('tokens', 'create', '--name', 'night-shift', '--role', 'officer');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('wf_secret_once\n');
    expect(r.stderr).toContain('shown only once');
    expect(hub.requests.at(-1)!.body).toEqual({ name: 'night-shift', role: 'officer' });
  });

  it('create --bot asks for a bot token; without it the body has no bot field', async () => {
    const r = await cli.run('tokens', 'create', '--name', 'slack-bot', '--role', 'officer', '--bot');
    expect(r.code, r.stderr).toBe(0);
    expect(hub.requests.at(-1)!.body).toEqual({ name: 'slack-bot', role: 'officer', bot: true });
    expect((await cli.run('tokens', 'create', '--name', 'feed', '--role', 'intake')).code).toBe(0);
    expect(hub.requests.at(-1)!.body).toEqual({ name: 'feed', role: 'intake' });
  });

  it('create needs a known role (exit 2)', async () => {
    expect((await cli.run('tokens', 'create', '--name', 'x', '--role', 'god')).code).toBe(2);
    expect((await cli.run('tokens', 'create', '--name', 'x')).code).toBe(2);
  });

  it('list and revoke', async () => {
    expect((await cli.run('tokens', 'list')).stdout).toBe('tok_7\tnight-shift\tofficer\t2025-03-01T06:00:00Z\t-\t-\t-\n');
    const r = await cli.run('tokens', 'revoke', 'tok_7', '--json');
    expect(JSON.parse(r.stdout).token).toMatchObject({ id: 'tok_7', revokedAt: '2025-03-01T06:10:00Z' });
  });
});

describe('audit', () => {
  it('list --since 2h is two hours before the clock', async () => {
    const r = await cli.run('audit', 'list', '--since', '2h', '--limit', '5');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('12\t2025-03-01T06:05:00Z\tadmin\tcli\ttoken.create\ttok_7\n');
  });

  it('a bad --since or --limit is a usage error', async () => {
    expect((await cli.run('audit', 'list', '--since', 'yesterday')).code).toBe(2);
    expect((await cli.run('audit', 'list', '--limit', '0')).code).toBe(2);
  });

  it('verify: intact is exit 0 with a count', async () => {
    const r = await cli.run('audit', 'verify');
    expect(r).toMatchObject({ code: 0, stdout: 'audit chain intact: 12 entries\n' });
  });

  it('verify: broken is exit 1 naming the first broken seq; --json keeps the result on stdout', async () => {
    const r = await cli.run('audit', 'verify', '--hub', brokenHub.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('audit chain broken at seq 9: hash mismatch');
    const j = await cli.run('audit', 'verify', '--hub', brokenHub.url, '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout)).toEqual({ ok: false, checked: 12, firstBroken: { seq: 9, reason: 'hash mismatch' } });
    expect(JSON.parse(j.stderr).error).toMatchObject({ code: 'check_failed', details: { firstBroken: { seq: 9 } } });
  });
});
