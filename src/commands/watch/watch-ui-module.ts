// What `watch` and `demo` need from the terminal UI (src/ui/open.tsx), which
// the entry hands them as a loader so Ink and React load only in these two
// commands. Kept structural so src/commands imports nothing from src/ui.
import type { CoreClient } from '../../core/client.js';
import type { Lang } from '../../render/labels.js';

export interface WatchUiOptions {
  client: CoreClient;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Resolves when the process should stop; the UI then closes as on q. */
  shutdown: Promise<void>;
  lang: Lang;
  /** A video wall: large tiles, no keys. */
  wall: boolean;
}

export interface WatchUiModule {
  /** Draws the UI on the terminal until the officer quits or `shutdown` resolves. */
  openWatchUi(options: WatchUiOptions): Promise<void>;
}
