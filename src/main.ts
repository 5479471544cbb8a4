// The CLI's entry: bin/watchfloor.js imports these from the bundle. Here, and
// only here, the rooms meet: the commands get the hub, the demo world, the
// terminal UI, the chat bots and the emulator's control client as loaders, so
// src/commands imports none of them, and each loads (by import()) only in the
// command that needs it.
import type { ChatBotsModule } from './commands/bot/chat-bots-module.js';
import type { Deps } from './commands/deps.js';
import type { HubModule } from './commands/hub/hub-module.js';
import type { PlaybookFilesModule } from './commands/playbook/playbook-files-module.js';
import { createProcessDeps, type Loaders } from './commands/real-deps.js';
import type { SimControlModule } from './commands/sim/sim-control-module.js';
import type { WatchUiModule } from './commands/watch/watch-ui-module.js';

import { run } from './commands/run.js';

export { run };

async function loadHub(): Promise<HubModule> {
  const { startHub } = await import('./hub/start.js');
  return {
    restoreBackup: async (options) => (await import('./hub/restore.js')).restoreBackup(options),
    // A demo hub is handed the demo world (src/sim); a plain one never loads it.
    async startHub(options) {
      const world = options.demo ? (await import('./sim/demo-world.js')).createDemoWorld() : undefined;
      return startHub(options, world);
    },
  };
}

const loadWatchUi = (): Promise<WatchUiModule> => import('./ui/open.js');

const loadChatBots = async (): Promise<ChatBotsModule> => (await import('./bot/launch.js')).chatBots;

async function loadSimControl(): Promise<SimControlModule> {
  const { SimControlClient } = await import('./sim/control/client.js');
  return { connect: (simUrl, token) => new SimControlClient({ simUrl, token }) };
}

// Only the loader's reading and checks: the rest of the hub stays unloaded.
const loadPlaybookFiles = async (): Promise<PlaybookFilesModule> => import('./hub/playbooks/playbook-files.js');

/** The rooms, wired once; tests that run commands against the real ones take them from here too. */
export const loaders: Loaders = { loadHub, loadWatchUi, loadChatBots, loadSimControl, loadPlaybookFiles };

export function createRealDeps(): Deps {
  return createProcessDeps(loaders);
}

/** The bin's call, as the read bundle (src/read-main.ts) hands it on. */
export function runCli(argv: string[]): Promise<number> {
  return run(argv, createRealDeps());
}
