// Slack signs each request with a timestamp, and Bolt refuses signatures
// older than five minutes — but it accepts the same fresh, correctly signed
// request twice, and a timestamp in the future for as long as it likes. The
// guard closes both gaps: it remembers every signature it let through until
// Bolt would call it stale anyway, and refuses timestamps too far ahead.
// One process's memory: instances behind a load balancer each keep their own.

/** Slack's window for a request timestamp, either side of now. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type ReplayVerdict = 'fresh' | 'replayed' | 'from-the-future';

export class ReplayGuard {
  /** Signature → when it can no longer pass Bolt's staleness check (ms). Insertion order ≈ expiry order. */
  readonly #seen = new Map<string, number>();

  /**
   * Call only for requests whose signature verified. Records a fresh one;
   * a signature already seen, or a timestamp beyond the window ahead, is refused.
   */
  admit(signature: string, timestampSeconds: number, nowMs: number): ReplayVerdict {
    this.#forgetExpired(nowMs);
    if (timestampSeconds > Math.floor(nowMs / 1000) + SIGNATURE_WINDOW_SECONDS) return 'from-the-future';
    if (this.#seen.has(signature)) return 'replayed';
    // Bolt accepts ts ≥ floor(now/1000) − window, so the signature is live
    // until the second after ts + window has begun.
    this.#seen.set(signature, (timestampSeconds + SIGNATURE_WINDOW_SECONDS + 1) * 1000);
    return 'fresh';
  }

  /** How many signatures are remembered now (for tests and metrics). */
  get size(): number {
    return this.#seen.size;
  }

  #forgetExpired(nowMs: number): void {
    for (const [signature, until] of this.#seen) {
      // Timestamps arrive roughly in order, so the oldest entries come first;
      // stopping at the first live one keeps this O(expired).
      if (until > nowMs) break;
      this.#seen.delete(signature);
    }
  }
}
