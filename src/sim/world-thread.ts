// The demo world in a thread of its own, below the hub's (nice 10): its
// simulator's steps, its emulated devices' answers and their garbage no longer
// share the event loop and the heap that answer officers' requests, and where
// the two share cores the hub goes first. It stands for the outside world, so
// it still reaches the hub only over HTTP — telemetry, alerts and survey
// answers through the intake, as in a thread of the hub's before. The hub's
// thread calls it through world-thread-client.ts; a build runs this file as
// dist/demo-world-thread.js.
import { parentPort, workerData } from 'node:worker_threads';
import { runThisThreadInBackground } from '../core/background-thread.js';
import type { DemoDevices, Stoppable } from '../hub/demo/demo-world.js';
import { inThreadDemoWorld } from './in-thread-world.js';
import type { CrossedError, FromWorld, ToWorld, WorldCalls, WorldMethod, WorldThreadData } from './world-thread-protocol.js';

runThisThreadInBackground();

const port = parentPort!;
const { fleet } = workerData as WorldThreadData;
const world = inThreadDemoWorld();
const send = (message: FromWorld) => port.postMessage(message);
const log = (line: string) => send({ type: 'log', line });

let devices: DemoDevices | undefined;
let simulator: Stoppable | undefined;
let past: AbortController | undefined;

const calls: { [M in WorldMethod]: (args: WorldCalls[M][0]) => Promise<WorldCalls[M][1]> | WorldCalls[M][1] } = {
  async startDevices() {
    devices = await world.startDevices!({ fleet, log });
    return { url: devices.url, deviceToken: devices.deviceToken, controlToken: devices.controlToken };
  },
  importPast({ untilMs, ...options }) {
    past = new AbortController();
    return world.importPastFlow!({ ...options, fleet, until: new Date(untilMs), signal: past.signal });
  },
  abortPast: () => past?.abort(),
  startSimulator(options) {
    simulator = world.startSimulator({ ...options, fleet, log });
  },
  async inject({ assetId, fault, forMs }) {
    if (!devices?.injectFault) throw new Error('the demo world has no devices to inject faults into');
    const { id, assetId: asset, fault: kind } = await devices.injectFault(assetId, fault, forMs === undefined ? {} : { forMs });
    return { id, assetId: asset, fault: kind };
  },
  stopSimulator: async () => simulator?.stop(),
  stopDevices: async () => devices?.stop(),
};

function crossed(e: unknown): CrossedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const { status, code } = e as { status?: unknown; code?: unknown };
  return { name: e.name, message: e.message, ...(typeof status === 'number' ? { status } : {}), ...(typeof code === 'string' ? { code } : {}) };
}

port.on('message', async (message: ToWorld) => {
  try {
    const value = await (calls[message.method] as (args: unknown) => unknown)(message.args);
    send({ type: 'done', call: message.call, value });
  } catch (e) {
    send({ type: 'failed', call: message.call, error: crossed(e) });
  }
});
