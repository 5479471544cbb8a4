import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
// Waiting for Ink to draw instead of sleeping: poll the last frame until it
// shows what the test expects, with a bounded wait.
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 5_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`no frame matched within ${timeoutMs} ms; the last was:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
} as const;

/**
 * ink-testing-library's terminal is 100 columns; a wall screen needs a wider
 * one. Render with Ink itself onto a fake terminal of the given width.
 */
export async function renderAtWidth(tree: ReactElement, columns: number): Promise<{ lastFrame(): string; unmount(): void }> {
  const { render } = await import('ink');
  let last = '';
  let mounted = true;
  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows: 200,
    isTTY: false,
    write(frame: string) {
      // On unmount Ink writes once more — under CI=true only what it last
      // wrote outside debug mode, i.e. nothing — so the frame is kept from before.
      if (mounted) last = frame;
      return true;
    },
  });
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    lastFrame: () => last,
    unmount: () => {
      mounted = false;
      instance.unmount();
    },
  };
}
