// Ink 6.8 takes every line of every frame apart afresh — ANSI tokens, styled
// characters, string widths — because its caches live for one frame only. A
// watch screen changes a few lines a frame (one site's report, a timer), so
// most of that work repeats what the frame before did: profiled at 200×60 it
// was most of a redraw after the garbage collector. Here the caches are
// shared across frames (bounded), which leaves Ink's output unchanged — the
// same input lines give the same characters — and its cost to the lines that
// changed. Ink stays at 6.8 (the last for Node 20); should its output module
// not be where 6.8 keeps it, nothing is changed and Ink runs as shipped.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Entries a cache holds before it starts again (a frame has a few thousand distinct lines and characters). */
export const SHARED_CACHE_LIMIT = 20_000;

interface OutputCaches {
  getStyledChars(line: string): unknown;
  getStringWidth(text: string): number;
  getWidestLine(text: string): number;
}

let installed: Promise<boolean> | undefined;

/** Makes Ink's per-frame output caches last across frames; true once done (or already done). */
export function shareInkOutputCaches(): Promise<boolean> {
  installed ??= install().catch(() => false);
  return installed;
}

async function install(): Promise<boolean> {
  const entry = createRequire(import.meta.url).resolve('ink');
  const { default: Output } = (await import(pathToFileURL(join(dirname(entry), 'output.js')).href)) as {
    default: new (options: { width: number; height: number }) => { caches?: OutputCaches };
  };
  const caches = new Output({ width: 1, height: 1 }).caches;
  const proto = caches && (Object.getPrototypeOf(caches) as OutputCaches);
  if (!proto || !['getStyledChars', 'getStringWidth', 'getWidestLine'].every((m) => typeof proto[m as keyof OutputCaches] === 'function')) return false;
  const original = { styledChars: proto.getStyledChars, stringWidth: proto.getStringWidth };
  const styledChars = bounded<unknown>();
  const widths = bounded<number>();
  const blockWidths = bounded<number>();
  proto.getStyledChars = function (line) {
    return styledChars(line, () => original.styledChars.call(this, line));
  };
  proto.getStringWidth = function (text) {
    return widths(text, () => original.stringWidth.call(this, text));
  };
  proto.getWidestLine = function (text) {
    return blockWidths(text, () => Math.max(0, ...text.split('\n').map((line) => this.getStringWidth(line))));
  };
  return true;
}

/** A memo that forgets everything once it holds SHARED_CACHE_LIMIT entries (old timers and reports go with it). */
function bounded<T>(): (key: string, compute: () => T) => T {
  const map = new Map<string, T>();
  return (key, compute) => {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    if (map.size >= SHARED_CACHE_LIMIT) map.clear();
    const value = compute();
    map.set(key, value);
    return value;
  };
}
