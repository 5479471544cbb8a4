// The replay guard on its own: what Bolt's signature check lets through twice.
import { describe, expect, it } from 'vitest';
import { ReplayGuard, SIGNATURE_WINDOW_SECONDS } from '../../src/bot/slack/replay-guard.js';

const NOW_MS = 1_750_000_000_000;
const nowSec = NOW_MS / 1000;

describe('ReplayGuard', () => {
  it('lets a signature through once, and refuses it again inside the window', () => {
    const guard = new ReplayGuard();
    expect(guard.admit('v0=aaa', nowSec, NOW_MS)).toBe('fresh');
    expect(guard.admit('v0=aaa', nowSec, NOW_MS + 60_000)).toBe('replayed');
    expect(guard.admit('v0=bbb', nowSec, NOW_MS + 60_000)).toBe('fresh');
  });

  it('forgets a signature only once Bolt would refuse it as stale', () => {
    const guard = new ReplayGuard();
    guard.admit('v0=aaa', nowSec, NOW_MS);
    // Still inside the window (Bolt would accept the timestamp): still a replay.
    expect(guard.admit('v0=aaa', nowSec, NOW_MS + SIGNATURE_WINDOW_SECONDS * 1000)).toBe('replayed');
    // Past it, the entry is dropped (Bolt refuses the stale timestamp itself).
    guard.admit('v0=other', nowSec + SIGNATURE_WINDOW_SECONDS + 2, NOW_MS + (SIGNATURE_WINDOW_SECONDS + 2) * 1000);
    expect(guard.size).toBe(1);
  });

  it('refuses a timestamp more than five minutes ahead, which Bolt accepts', () => {
    const guard = new ReplayGuard();
    expect(guard.admit('v0=ccc', nowSec + SIGNATURE_WINDOW_SECONDS + 1, NOW_MS)).toBe('from-the-future');
    expect(guard.admit('v0=ddd', nowSec + 30, NOW_MS)).toBe('fresh');
  });
});
