// The hub keeps the tokens it authenticated (src/hub/tokens/verified-tokens.ts), so an
// alert storm does not read its intake token thousands of times a second; a
// revocation must still take effect on the very next request, whether the hub
// itself revoked the token or another process did over the same data file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;

beforeAll(async () => {
  hub = await startFixtureHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** POST /api/v2/alerts with `secret`: the status it answers. */
async function postAlert(secret: string): Promise<number> {
  const res = await fetch(`${hub.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
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
    const other = new Database(join(hub.dir, 'hub.sqlite'));
    try {
      other.pragma('busy_timeout = 5000');
      const changed = other.prepare("UPDATE tokens SET revoked_at = ? WHERE name = 'cache-file-revoke'").run(new Date().toISOString()).changes;
      expect(changed).toBe(1);
    } finally {
      other.close();
    }
    expect(await postAlert(intake.secret)).toBe(401);
  });

  it('is never a token the hub does not know', async () => {
    expect(await postAlert('wf_not-a-token-the-hub-knows')).toBe(401);
    expect(await postAlert('wf_not-a-token-the-hub-knows')).toBe(401);
  });
});
