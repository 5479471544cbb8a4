// The SQLite statements of coordination state (leases, rate_slots,
// action_keys; migration 7). Each method runs inside the caller's
// transaction, and SQLite's one writer at a time makes each check-then-write
// atomic across every connection to the file.
import type { DeviceActionOutcome } from '../../../devices/device-api.js';
import type { ActionKeyClaim, ActionKeyState, CoordinationWriter, LeaseRequest, RateSlot } from '../coordination-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface ActionKeyRow {
  state: 'in-flight' | 'done';
  outcome: string | null;
  holder: string;
  started_at: number;
  expires_at: number;
}

function claimActionKey(sql: Prepare, c: ActionKeyClaim): ActionKeyState {
  const row = sql('SELECT state, outcome, holder, started_at, expires_at FROM action_keys WHERE asset_id = ? AND key = ?').get(c.assetId, c.key) as
    | ActionKeyRow
    | undefined;
  if (row?.state === 'done' && c.nowMs - row.started_at < c.ttlMs) return { state: 'done', outcome: JSON.parse(row.outcome!) as DeviceActionOutcome };
  if (row?.state === 'in-flight' && row.expires_at > c.nowMs) return { state: 'in-flight' };
  // A new row (a new rowid) each time, so the cap drops the least recently claimed keys.
  sql('DELETE FROM action_keys WHERE asset_id = ? AND key = ?').run(c.assetId, c.key);
  sql(
    `INSERT INTO action_keys (asset_id, key, state, outcome, holder, started_at, expires_at)
     VALUES (?, ?, 'in-flight', NULL, ?, ?, ?)`,
  ).run(c.assetId, c.key, c.holder, c.nowMs, c.nowMs + c.inFlightMs);
  sql(
    `DELETE FROM action_keys WHERE asset_id = @asset AND (
       (state = 'done' AND started_at <= @now - @ttl) OR (state = 'in-flight' AND expires_at <= @now)
       OR rowid IN (SELECT rowid FROM action_keys WHERE asset_id = @asset ORDER BY rowid DESC LIMIT -1 OFFSET @max))`,
  ).run({ asset: c.assetId, now: c.nowMs, ttl: c.ttlMs, max: c.maxKeysPerAsset });
  return { state: 'claimed' };
}

export function coordinationStatements(sql: Prepare): Synchronous<CoordinationWriter> {
  return {
    acquireLease(r: LeaseRequest): boolean {
      sql('DELETE FROM leases WHERE expires_at <= ?').run(r.nowMs);
      const held = sql('SELECT count(*) FROM leases WHERE scope = ?').pluck().get(r.scope) as number;
      if (held >= r.limit) return false;
      sql('INSERT OR REPLACE INTO leases (scope, holder, expires_at) VALUES (?, ?, ?)').run(r.scope, r.holder, r.nowMs + r.ttlMs);
      return true;
    },

    renewLease(scope: string, holder: string, nowMs: number, ttlMs: number): boolean {
      return sql('UPDATE leases SET expires_at = ? WHERE scope = ? AND holder = ? AND expires_at > ?').run(nowMs + ttlMs, scope, holder, nowMs).changes === 1;
    },

    releaseLease(scope: string, holder: string): void {
      sql('DELETE FROM leases WHERE scope = ? AND holder = ?').run(scope, holder);
    },

    takeRateSlot(scope: string, limit: number, nowMs: number, windowMs: number): RateSlot {
      sql('DELETE FROM rate_slots WHERE scope = ? AND taken_at <= ?').run(scope, nowMs - windowMs);
      const { taken, oldest } = sql('SELECT count(*) AS taken, min(taken_at) AS oldest FROM rate_slots WHERE scope = ?').get(scope) as {
        taken: number;
        oldest: number | null;
      };
      if (taken >= limit) return { taken: false, retryAtMs: oldest! + windowMs };
      sql('INSERT INTO rate_slots (scope, taken_at) VALUES (?, ?)').run(scope, nowMs);
      return { taken: true };
    },

    claimActionKey: (claim: ActionKeyClaim) => claimActionKey(sql, claim),

    renewActionKey(assetId: string, key: string, holder: string, nowMs: number, inFlightMs: number): void {
      sql("UPDATE action_keys SET expires_at = ? WHERE asset_id = ? AND key = ? AND holder = ? AND state = 'in-flight'").run(nowMs + inFlightMs, assetId, key, holder);
    },

    settleActionKey(assetId: string, key: string, holder: string, outcome: DeviceActionOutcome): void {
      sql("UPDATE action_keys SET state = 'done', outcome = ? WHERE asset_id = ? AND key = ? AND holder = ?").run(JSON.stringify(outcome), assetId, key, holder);
    },

    releaseActionKey(assetId: string, key: string, holder: string): void {
      sql("DELETE FROM action_keys WHERE asset_id = ? AND key = ? AND holder = ? AND state = 'in-flight'").run(assetId, key, holder);
    },
  };
}
