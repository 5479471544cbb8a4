// The one poll loop the tests share: it must return what the check found,
// give up on time, and say what it was waiting for and what it saw last.
import { describe, expect, it } from 'vitest';
import { WaitTimeoutError, waitUntil } from './wait-until.js';

describe('waitUntil', () => {
  it('returns the first truthy value, from a sync or an async check', async () => {
    let calls = 0;
    expect(await waitUntil(() => ++calls >= 3 && `call ${calls}`, { what: 'three calls', timeoutMs: 1_000, intervalMs: 1 })).toBe('call 3');
    expect(await waitUntil(async () => ({ ok: true }), { what: 'an object', timeoutMs: 1_000 })).toEqual({ ok: true });
  });

  it('checks once more at the deadline, then fails naming what it waited for and the last observation', async () => {
    let calls = 0;
    const startedAt = Date.now();
    const error = await waitUntil(() => (calls++, 0), { what: 'a count above zero', timeoutMs: 60, intervalMs: 20, describe: (last) => `the count was ${last}` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toBe('timed out after 60 ms waiting for a count above zero; the count was 0');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(60);
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('says only what it waited for when there is nothing to describe', async () => {
    await expect(waitUntil(() => false, { what: 'nothing', timeoutMs: 5 })).rejects.toThrow(/^timed out after 5 ms waiting for nothing$/);
  });

  it('stops at once when the check throws', async () => {
    let calls = 0;
    const check = () => {
      calls++;
      throw new Error('the hub is gone');
    };
    await expect(waitUntil(check, { what: 'anything', timeoutMs: 1_000 })).rejects.toThrow('the hub is gone');
    expect(calls).toBe(1);
  });
});
