// The work a request asks for, run after its acknowledgement has gone out.
// A listener's code runs straight on from ack() in the same turn of the event
// loop, so under a burst each command's CPU work (parsing, rendering) would
// hold back the next request's ack. Jobs start from setImmediate instead —
// after the loop has read and acked whatever else has arrived — and only a
// few at a time, which also spares the hub a burst of 50 at once.
export interface AfterAck {
  /** Queues a job; its failure is logged, never thrown at the listener (Slack has its ack already). */
  run(job: () => Promise<void>): void;
  /** Resolves when every queued job has finished (for a clean stop). */
  idle(): Promise<void>;
}

export function afterAck(concurrency: number, onError: (error: unknown) => void): AfterAck {
  const queue: (() => Promise<void>)[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = (): void => {
    if (running === 0 && queue.length === 0) {
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    }
  };
  const pump = (): void => {
    while (running < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      running++;
      job()
        .catch(onError)
        .finally(() => {
          running--;
          setImmediate(pump);
          settle();
        });
    }
  };

  return {
    run(job) {
      queue.push(job);
      setImmediate(pump);
    },
    idle() {
      return running === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
