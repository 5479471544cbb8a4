// The live feed's batching: what arrives within a window is handed over once,
// in order; a flush hands it over early; a cancel drops it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { windowedBatch } from '../../src/ui/batch.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('windowedBatch', () => {
  it('hands over everything pushed within the window once, in order, when it closes', () => {
    const batches: number[][] = [];
    const batch = windowedBatch<number>(250, (items) => batches.push(items));
    batch.push(1);
    vi.advanceTimersByTime(200);
    batch.push(2);
    batch.push(3);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([[1, 2, 3]]);
    // The next item opens a new window.
    batch.push(4);
    vi.advanceTimersByTime(249);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('flush hands over early (and not again when the window would have closed); cancel drops', () => {
    const batches: string[][] = [];
    const batch = windowedBatch<string>(250, (items) => batches.push(items));
    batch.flush();
    expect(batches).toEqual([]);
    batch.push('a');
    batch.flush();
    vi.advanceTimersByTime(1_000);
    expect(batches).toEqual([['a']]);
    batch.push('b');
    batch.cancel();
    vi.advanceTimersByTime(1_000);
    expect(batches).toEqual([['a']]);
  });

  it('with no window, gathers until flushed (the screen flushes it with its clock)', () => {
    const batches: number[][] = [];
    const batch = windowedBatch<number>(null, (items) => batches.push(items));
    batch.push(1);
    batch.push(2);
    vi.advanceTimersByTime(60_000);
    expect(batches).toEqual([]);
    batch.flush();
    expect(batches).toEqual([[1, 2]]);
  });
});
