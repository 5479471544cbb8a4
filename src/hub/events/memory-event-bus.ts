// The embedded event bus: listeners in this process, a ring buffer of the
// most recent events so a reconnecting client resumes from memory, and the
// outbox behind it for a client that was away longer (or across a restart).
// A replay waits whenever its subscriber says it must drain first, and holds
// nothing back meanwhile: a subscriber joins the live events at the moment its
// replay reaches the newest, so a slow or stalled client costs a page read,
// not every event published while it lags.
import type { HubEvent } from '../../core/model.js';
import { reportSpan } from '../../core/spans.js';
import type { BatchListener, EventBus, EventHistory, EventListener, SubscribeOptions, Subscription } from './event-bus.js';

export interface MemoryEventBusOptions {
  capacity?: number;
  /** Where a subscriber resuming from before the ring's oldest event reads what it missed; without one, the ring is all there is. */
  history?: EventHistory;
  /** The last id committed before this bus started (the outbox's), so an id from before a restart is told from one of another data file. */
  lastId?: number;
  /** A listener that throws must not stop the others; nor may a failed read of the history. */
  onListenerError?: (error: unknown) => void;
  /** Subscribers handed a publish in one turn of the event loop; the rest get it on the next turns. Default 50. */
  sliceSize?: number;
  /**
   * The share of the hub's time fan-out may take while publishes keep coming:
   * after passes that took c ms of writing (the cheapest of the last few), the next starts no sooner than
   * c × (1/share − 1) ms after it ended, and what is published meanwhile goes
   * out with it. Default 0.25 (a gap of three times the pass).
   */
  fanoutShare?: number;
  /** The longest that gap may be, however slow the passes (a preempted hub). Default 25 ms. */
  maxGapMs?: number;
}

// A replay reads this many events at a time.
export const REPLAY_PAGE = 250;
const MIN_GAP_MS = 1;
/**
 * A pass's cost is the cheapest of the last few: on a busy machine the hub is
 * preempted mid-pass, which only ever lengthens it, and counting that as cost
 * stretched the gap to its cap (25 ms), which the events then waited out on
 * top of their wait for a core. (The process's CPU time would say it too, but
 * reading it costs a system call that walks every thread, twice a slice.)
 */
const PASSES_COSTED = 8;

interface Subscriber {
  listener: BatchListener;
  /** The last id handed over: nothing at or before it is handed again. */
  after: number;
  /** Receives events as they are published; false while its replay runs. */
  live: boolean;
  active: boolean;
}

export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus {
  const capacity = options.capacity ?? 10_000;
  const ring: HubEvent[] = [];
  let start = 0; // index of the oldest event in `ring` once it is full
  let lastId = options.lastId ?? 0;
  const subscribers = new Set<Subscriber>();
  const sliceSize = options.sliceSize ?? 50;
  // Fan-out in slices: writing one event to 200 sockets takes milliseconds,
  // and a request that arrives meanwhile (the next ack) should not wait for
  // all of them. Each publish goes to every subscriber in turn, a slice per
  // turn of the event loop; what is published meanwhile waits and then goes
  // out together, so each subscriber still gets every event in id order.
  //
  // A publish goes out at once when fan-out has been idle; while publishes
  // keep coming, passes are spaced by a gap in proportion to what the last
  // ones cost, so writing to streams takes at most its share of the hub's
  // time: 200 acks a second to 200 streams, one pass each, would be 40,000
  // socket writes a second. The gap follows the measured cost, not a guess
  // per stream: few or cheap streams get their events sooner, and writes
  // that cost more (more streams, bigger frames) go out less often, in bigger
  // batches. The cost is the cheapest recent pass (PASSES_COSTED): a busy
  // machine that takes the hub's core mid-pass makes events later, not gaps longer.
  const gapFactor = 1 / (options.fanoutShare ?? 0.25) - 1;
  const maxGapMs = options.maxGapMs ?? 25;
  let pass: { batch: readonly HubEvent[]; publishedAt: number[]; subs: Subscriber[]; next: number; work: number } | undefined;
  const waiting: (readonly HubEvent[])[] = [];
  /** When each of `waiting` was published (performance.now()). */
  const waitingSince: number[] = [];
  const fanoutObservers: ((ms: number) => void)[] = [];
  /** Milliseconds of writing the last passes took (PASSES_COSTED of them, or fewer so far). */
  const recentCosts: number[] = [];
  let costed = 0;
  let nextPassAt = 0;
  let gap: { cancel(): void } | undefined;

  const startPass = () => {
    gap = undefined;
    const batch = waiting.length === 1 ? waiting[0]! : waiting.flat();
    const publishedAt = waitingSince.splice(0);
    waiting.length = 0;
    if (batch.length === 0) return;
    pass = { batch, publishedAt, subs: [...subscribers], next: 0, work: 0 };
    runPass();
  };
  /** The next pass for what waits: now if the gap after the last one is over, else when it is. */
  const schedule = () => {
    if (pass || gap || waiting.length === 0) return;
    const wait = nextPassAt - performance.now();
    if (wait <= 0) return startPass();
    const timer = setTimeout(startPass, wait);
    gap = { cancel: () => clearTimeout(timer) };
  };
  const runPass = () => {
    if (!pass) return;
    const started = performance.now();
    const end = Math.min(pass.next + sliceSize, pass.subs.length);
    // The whole batch in one call: a stream writes it as one frame, encoded once for every stream.
    for (let i = pass.next; i < end; i++) if (pass.subs[i]!.live) deliver(pass.subs[i]!, pass.batch);
    pass.next = end;
    const finished = performance.now();
    reportSpan('fanout-pass', started, finished);
    pass.work += finished - started;
    if (pass.next < pass.subs.length) {
      setImmediate(runPass);
      return;
    }
    recentCosts[costed++ % PASSES_COSTED] = pass.work;
    const passCost = Math.min(...recentCosts);
    // A gap under a millisecond (a few streams) is not worth a timer, whose own delay is about that.
    const gapMs = passCost * gapFactor;
    nextPassAt = gapMs < MIN_GAP_MS ? finished : finished + Math.min(maxGapMs, gapMs);
    if (pass.subs.length > 0) for (const at of pass.publishedAt) for (const observe of fanoutObservers) observe(finished - at);
    pass = undefined;
    // Published during the pass: on a later turn, even with no gap to wait, never inside this one.
    if (waiting.length && nextPassAt <= finished) {
      const immediate = setImmediate(startPass);
      gap = { cancel: () => clearImmediate(immediate) };
    } else schedule();
  };

  const oldestRetainedId = () => (ring.length ? ring[start]!.id : lastId + 1);
  /** Up to `limit` retained events after `after`, oldest first. */
  const retainedAfter = (after: number, limit: number): HubEvent[] => {
    const out: HubEvent[] = [];
    for (let i = 0; i < ring.length && out.length < limit; i++) {
      const event = ring[(start + i) % ring.length]!;
      if (event.id > after) out.push(event);
    }
    return out;
  };

  /** What of `events` (in id order) comes after what `sub` was handed, in one call. */
  const deliver = (sub: Subscriber, events: readonly HubEvent[]) => {
    if (!sub.active) return;
    let from = 0;
    while (from < events.length && events[from]!.id <= sub.after) from++;
    if (from === events.length) return;
    // The same array for every subscriber that is up to date, so what it is encoded into can be shared.
    const fresh = from === 0 ? events : events.slice(from);
    sub.after = fresh.at(-1)!.id;
    try {
      sub.listener(fresh);
    } catch (e) {
      options.onListenerError?.(e);
    }
  };

  /** One call per event, each on its own: a listener that throws on one still gets the rest. */
  const eachOf =
    (listener: EventListener): BatchListener =>
    (events) => {
      for (const event of events) {
        try {
          listener(event);
        } catch (e) {
          options.onListenerError?.(e);
        }
      }
    };

  /** One page of what `sub` missed: from memory when it holds everything after, else from the history. */
  const nextPage = async (sub: Subscriber): Promise<HubEvent[]> => {
    if (oldestRetainedId() <= sub.after + 1 || !options.history) return retainedAfter(sub.after, REPLAY_PAGE);
    const page = await options.history.listEventsAfter(sub.after, REPLAY_PAGE);
    // Pruned from the outbox too: go on from what memory holds.
    return page.length ? page : retainedAfter(oldestRetainedId() - 1, REPLAY_PAGE);
  };

  /** Replays what `sub` missed a page at a time; it goes live once a page from memory reaches the newest event. */
  const replay = async (sub: Subscriber, drained: SubscribeOptions['drained']) => {
    try {
      for (;;) {
        const page = await nextPage(sub);
        for (const event of page) {
          if (!sub.active) return;
          deliver(sub, [event]);
          const wait = drained?.();
          if (wait) await wait;
        }
        if (!sub.active) return;
        if (sub.after >= lastId && oldestRetainedId() <= sub.after + 1) break;
        if (page.length === 0) sub.after = Math.max(sub.after, oldestRetainedId() - 1);
      }
    } catch (e) {
      options.onListenerError?.(e);
    }
    sub.live = true;
  };

  const subscribeBatches = (listener: BatchListener, subscribeOptions: SubscribeOptions = {}): Subscription => {
    const { sinceId, drained } = subscribeOptions;
    // An id ahead of every event this hub has committed comes from another
    // data file: replay what memory holds rather than nothing.
    const from = sinceId === undefined ? lastId : sinceId > lastId ? Math.max(0, lastId - capacity) : sinceId;
    const sub: Subscriber = { listener, after: from, live: true, active: true };
    const unsubscribe = () => {
      sub.active = false;
      subscribers.delete(sub);
    };
    if (sinceId !== undefined) {
      if (!drained && lastId - from <= REPLAY_PAGE && (oldestRetainedId() <= from + 1 || !options.history)) {
        // A short gap, in memory (or all there is), to a subscriber that cannot be flooded: handed over at once.
        deliver(sub, retainedAfter(from, REPLAY_PAGE));
      } else if (options.history || oldestRetainedId() <= lastId) {
        sub.live = false;
        void replay(sub, drained);
      }
    }
    if (sub.active) subscribers.add(sub);
    return { unsubscribe };
  };

  return {
    publish(events: readonly HubEvent[]): void {
      for (const event of events) {
        lastId = Math.max(lastId, event.id);
        if (ring.length < capacity) ring.push(event);
        else {
          ring[start] = event;
          start = (start + 1) % capacity;
        }
      }
      if (events.length === 0) return;
      waiting.push(events);
      waitingSince.push(performance.now());
      // Fan-out idle: a few subscribers (a slice or fewer) get it before publish returns.
      schedule();
    },

    subscribeBatches,

    observeFanout(observer: (ms: number) => void): void {
      fanoutObservers.push(observer);
    },

    subscribe(listener: EventListener, subscribeOptions: SubscribeOptions = {}): Subscription {
      return subscribeBatches(eachOf(listener), subscribeOptions);
    },

    get subscriberCount() {
      return subscribers.size;
    },

    close() {
      for (const sub of subscribers) sub.active = false;
      subscribers.clear();
      pass = undefined;
      gap?.cancel();
      gap = undefined;
      waiting.length = 0;
      waitingSince.length = 0;
    },
  };
}
