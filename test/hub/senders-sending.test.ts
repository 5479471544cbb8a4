// The journal's worker holds its applier while senders send (alert-journal.ts:
// holdWhileSending) — but never while a request waits for an entry's outcome
// (the webhook's answer names what its alerts did): such an entry ends the
// spell until it is applied.
import { describe, expect, it } from 'vitest';
import { SENDING_WITHIN_MS, watchSenders } from '../../src/hub/incidents/senders-sending.js';

describe('whether senders are sending, as the journal worker sees it', () => {
  it('is so while appends keep coming, and not once they stop', () => {
    const watch = watchSenders();
    expect(watch.sending(1_000)).toBe(false);
    watch.appended([{ seq: 1, alerts: 1 }], 1_000);
    expect(watch.sending(1_000 + SENDING_WITHIN_MS - 1)).toBe(true);
    expect(watch.sending(1_000 + SENDING_WITHIN_MS)).toBe(false);
  });

  it('is not while an entry someone waits on is unapplied, and is again once it is applied', () => {
    const watch = watchSenders();
    watch.appended([{ seq: 1, alerts: 1 }, { seq: 2, alerts: 3, waited: true }], 0);
    watch.appended([{ seq: 3, alerts: 1 }], 5);
    expect(watch.sending(6)).toBe(false);
    watch.appliedThrough(1);
    expect(watch.sending(7)).toBe(false);
    watch.appliedThrough(2);
    expect(watch.sending(8)).toBe(true);
  });

  it('counts entries found at the start (told without names) as sending, none of them waited on', () => {
    const watch = watchSenders();
    watch.appended(undefined, 0);
    expect(watch.sending(1)).toBe(true);
  });
});
