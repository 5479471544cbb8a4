// Waiting for Ink to draw instead of sleeping: poll the last frame until it
// shows what the test expects, with a bounded wait.
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { waitUntil } from '../helpers/wait-until.js';

export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 5_000,
): Promise<string> {
  let frame = '';
  const matches = () => {
    frame = lastFrame() ?? '';
    return predicate(frame);
  };
  await waitUntil(matches, {
    what: 'a frame that matches',
    timeoutMs,
    intervalMs: 10,
    describe: () => `the last was:\n${frame}`,
  });
  return frame;
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
