// The demo world as the hub meets it (the DemoWorld contract): in a thread of
// its own when this is a build that has the thread's script
// (world-thread-client.ts), so the world's work and garbage stay off the
// hub's event loop; else, as in tests run from the sources, in the caller's.
import type { DemoWorld } from '../hub/demo/demo-world.js';
import { inThreadDemoWorld } from './in-thread-world.js';
import { threadedDemoWorld, worldThreadScript } from './world-thread-client.js';

export function createDemoWorld(): DemoWorld {
  const script = worldThreadScript();
  return script ? threadedDemoWorld(script) : inThreadDemoWorld();
}
