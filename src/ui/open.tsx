// The one function the `watch` command calls: draw the UI on the terminal
// until the officer quits (q, Ctrl-C) or the process is asked to stop.
import { render } from 'ink';
import type { Lang } from '../render/labels.js';
import { WatchApp, type WatchClient } from './app.js';
import { shareInkOutputCaches } from './ink-output-cache.js';

export interface OpenWatchOptions {
  client: WatchClient;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Resolves when the process should stop (SIGTERM); the UI then closes as on q. */
  shutdown: Promise<void>;
  lang: Lang;
  wall: boolean;
}

/**
 * Frames a second at most (keys included): enough that an event is on screen
 * well within 100 ms of its arrival, few enough that a burst costs little.
 */
export const MAX_FPS = 30;

// The alternate screen: the shell's scrollback comes back untouched on quit.
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

export async function openWatchUi(options: OpenWatchOptions): Promise<void> {
  await shareInkOutputCaches();
  options.stdout.write(ENTER_ALT_SCREEN);
  const instance = render(<WatchApp client={options.client} lang={options.lang} wall={options.wall} />, {
    stdout: options.stdout,
    stdin: options.stdin,
    stderr: options.stderr,
    exitOnCtrlC: true,
    // Nothing else may write to the screen while Ink owns it.
    patchConsole: true,
    // Not Ink 6.8's incrementalRendering: in tmux it left old frames
    // stacked on the screen, a row lower each time.
    maxFps: MAX_FPS,
  });
  void options.shutdown.then(() => instance.unmount());
  try {
    await instance.waitUntilExit();
  } finally {
    options.stdout.write(LEAVE_ALT_SCREEN);
  }
}
