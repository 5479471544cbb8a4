// The CLI's entry: bin/watchfloor.js imports these from the bundle.
export { run } from './commands/run.js';
export { createRealDeps } from './commands/real-deps.js';
