// A wait that ends early when `signal` aborts: the reconnect backoffs of the
// terminal UI and the chat bot's incident cards both sleep this way, so a stop
// never waits out a 30-second backoff.
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
