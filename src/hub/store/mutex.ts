// A FIFO async mutex. better-sqlite3 is synchronous, but a transaction that
// awaits between statements would otherwise let another request's statements
// run inside it on the same connection.
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one to settle, whether it failed or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
