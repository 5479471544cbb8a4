// The CLI's entry: bin/watchfloor.js imports these from the bundle. Here, and
// only here, the rooms meet: the commands get the hub and the demo world as
// loaders, so src/commands imports neither, and each loads (by import()) only
// in the command that needs it.
import { createProcessDeps } from './commands/real-deps.js';
import type { Deps } from './commands/deps.js';
import type { HubModule } from './commands/hub/hub-module.js';

export { run } from './commands/run.js';

async function loadHub(): Promise<HubModule> {
  const { startHub } = await import('./hub/start.js');
  return {
    // A demo hub is handed the demo world (src/sim); a plain one never loads it.
    async startHub(options) {
      const world = options.demo ? (await import('./sim/demo-world.js')).createDemoWorld() : undefined;
      return startHub(options, world);
    },
  };
}

export function createRealDeps(): Deps {
  return createProcessDeps({ loadHub });
}
