// The journal's applier leaves senders half the CPU while they send, in its
// worker too: the accepting thread marks arrivals in shared memory, and the
// worker reads them (sender-activity.ts).
import { describe, expect, it } from 'vitest';
import { senderActivity } from '../../src/hub/incidents/sender-activity.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('sender activity', () => {
  it('is quiet until a request arrives, busy just after, quiet again once the window passed', async () => {
    const senders = senderActivity();
    expect(senders.busy()).toBe(false);
    senders.arrived();
    expect(senders.busy()).toBe(true);
    await waitUntil(() => !senders.busy() || undefined, { timeoutMs: 2_000, what: 'the busy window to pass' });
    expect(senders.busy()).toBe(false);
  });

  it('is read from the memory another thread marks (the worker reads what the accepting thread wrote)', () => {
    const accepting = senderActivity();
    const worker = senderActivity(accepting.shared);
    expect(worker.busy()).toBe(false);
    accepting.arrived();
    expect(worker.busy()).toBe(true);
    // Absolute times: a worker's performance.now() starts at its own birth, the stored time does not.
    expect(accepting.shared[0]).toBeGreaterThan(performance.timeOrigin);
  });
});
