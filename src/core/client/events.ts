// The hub's live events (GET /v1/events, server-sent events), resumable by id.
import type { HubEvent } from '../model.js';
import { SseParser } from '../sse.js';
import type { HubConnection } from './connection.js';

// The hub sends a heartbeat every 15 s; three missed ones mean the link is dead.
const EVENTS_IDLE_MS = 45_000;

export interface EventStreamOptions {
  /** Resume after this event id (sent as Last-Event-ID): the hub replays what was missed. */
  since?: number | undefined;
  /** Ends the stream; `events()` then resolves. */
  signal?: AbortSignal | undefined;
  onEvent(event: HubEvent): void;
  /** The hub accepted the stream: from here on events are live. */
  onOpen?: () => void;
}

export function eventCalls(hub: HubConnection) {
  return {
    /**
     * Follow the hub's events until the hub ends the stream or `signal`
     * aborts, then resolve with the id of the last event seen (pass it as
     * `since` to resume). A failure to connect or a dropped stream rejects
     * with a typed error; reconnecting is the caller's call.
     */
    async events(options: EventStreamOptions): Promise<number | undefined> {
      let lastId = options.since;
      const parser = new SseParser((message) => {
        // The hub puts the whole event in data; anything else on the stream is not ours.
        let event: HubEvent;
        try {
          event = JSON.parse(message.data) as HubEvent;
        } catch {
          return;
        }
        if (typeof event?.id !== 'number' || typeof event.type !== 'string') return;
        lastId = event.id;
        options.onEvent(event);
      });
      try {
        const stream = await hub.openStream({
          method: 'GET',
          path: '/v1/events',
          accept: 'text/event-stream',
          headers: options.since !== undefined ? { 'last-event-id': String(options.since) } : {},
          signal: options.signal,
          bodyTimeoutMs: EVENTS_IDLE_MS,
        });
        options.onOpen?.();
        stream.setEncoding('utf8');
        for await (const chunk of stream) parser.push(chunk as string);
        return lastId;
      } catch (e) {
        if (options.signal?.aborted) return lastId;
        throw hub.translate(e);
      }
    },
  };
}

export type EventCalls = ReturnType<typeof eventCalls>;
