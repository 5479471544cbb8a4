// Acks first: while the receiver still owes Slack an ack, or a request came in
// a moment ago (a burst is arriving), replies wait to start. A reply's work is
// CPU here and at the hub, which shares the machine; started in the middle of
// a channel's burst it would hold back the acks that Slack times at 3 s, for
// answers nobody times so tightly. The wait is bounded (after-ack.ts), so
// under a steady stream of requests replies still go out.
import type { ServerResponse } from 'node:http';

/** How long without a new request counts as the end of a burst. */
const QUIET_MS = 75;

export interface AckGate {
  /** Milliseconds until replies may start: 0 when no ack is owed and no request is arriving. */
  wait(): number;
}

export class ReceiverAckGate implements AckGate {
  #owed = 0;
  #lastArrival = -Infinity;

  /** A request came in; it is owed until its response is sent (or its connection is gone). */
  arrived(res: ServerResponse): void {
    this.#owed++;
    this.#lastArrival = performance.now();
    res.once('close', () => this.#owed--);
  }

  wait(): number {
    if (this.#owed > 0) return QUIET_MS;
    return Math.max(0, Math.ceil(this.#lastArrival + QUIET_MS - performance.now()));
  }
}
