// Follow the hub's events for as long as it takes: reconnect with backoff,
// resume after the last event seen (Last-Event-ID), and say when a stream
// opens so the caller can catch up on what no replay covers (a hub restart).
import { abortableSleep } from '../../core/abortable-sleep.js';
import type { CoreClient } from '../../core/client.js';
import type { HubEvent } from '../../core/model.js';

export interface FollowOptions {
  onEvent(event: HubEvent): void;
  /** A stream (re)opened: list what may have been missed. */
  onOpen(): void;
  onError?: (error: unknown) => void;
  signal: AbortSignal;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export async function followHubEvents(client: CoreClient, options: FollowOptions): Promise<void> {
  const minMs = options.minBackoffMs ?? 250;
  const maxMs = options.maxBackoffMs ?? 10_000;
  let lastId: number | undefined;
  let failures = 0;
  while (!options.signal.aborted) {
    try {
      await client.events({
        since: lastId,
        signal: options.signal,
        onOpen: () => {
          failures = 0;
          options.onOpen();
        },
        onEvent: (event) => {
          lastId = event.id;
          options.onEvent(event);
        },
      });
    } catch (e) {
      options.onError?.(e);
    }
    if (options.signal.aborted) break;
    const ceiling = Math.min(maxMs, minMs * 2 ** failures++);
    await abortableSleep(ceiling / 2 + Math.random() * (ceiling / 2), options.signal);
  }
}
