// Gathers what arrives within a short window and hands it over at once: a
// burst of hub events then costs the screen one redraw, not one each.

export interface Batch<T> {
  push(item: T): void;
  /** Hands over what is gathered now (before anything that must come after it). */
  flush(): void;
  /** Drops what is gathered. */
  cancel(): void;
}

/** The window opens with the first item and closes `windowMs` later; with null, only a flush closes it. */
export function windowedBatch<T>(windowMs: number | null, deliver: (items: T[]) => void): Batch<T> {
  let items: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (items.length === 0) return;
    const out = items;
    items = [];
    deliver(out);
  };
  return {
    push(item) {
      items.push(item);
      if (windowMs !== null) timer ??= setTimeout(flush, windowMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      items = [];
    },
  };
}
