// The hub's side of the demo world's thread (world-thread.ts): the DemoWorld
// contract the hub knows, each call sent to the thread and its answer awaited,
// the thread's log lines handed to the hub's log. The fleet is built here too
// (the hub applies it as its inventory) and handed to the thread once, when it
// starts. The thread keeps the real clock: the hub's injected clock, a test's,
// cannot cross, so tests run from the sources (no thread script) get the world
// in their own thread instead (demo-world.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DemoWorld, Fleet } from '../hub/demo/demo-world.js';
import { managementUrlAt } from './emulator/management-url.js';
import { EmulatorRequestError } from './emulator/errors.js';
import type { CrossedError, FromWorld, ToWorld, WorldCalls, WorldMethod, WorldThreadData } from './world-thread-protocol.js';

const SCRIPT = new URL('./demo-world-thread.js', import.meta.url);

/** The thread's script, when this is a build that has one. */
export function worldThreadScript(): URL | undefined {
  return SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCRIPT)) ? SCRIPT : undefined;
}

/** An error from the thread as the caller would have met it in its own thread. */
function uncrossed({ name, message, status, code }: CrossedError): Error {
  if (name === 'EmulatorRequestError' && status !== undefined && code !== undefined) return new EmulatorRequestError(status as EmulatorRequestError['status'], code, message);
  return new Error(message);
}

interface WorldThread {
  call<M extends WorldMethod>(method: M, args: WorldCalls[M][0]): Promise<WorldCalls[M][1]>;
  /** Ends the thread (after its devices and simulator have stopped). */
  close(): Promise<void>;
}

function startWorldThread(script: URL, fleet: Fleet, log: (line: string) => void): WorldThread {
  const worker = new Worker(script, { workerData: { fleet } satisfies WorldThreadData });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  let calls = 0;
  let gone: Error | undefined;
  const endAll = (e: Error) => {
    gone ??= e;
    for (const { reject } of pending.values()) reject(e);
    pending.clear();
  };
  worker.on('message', (message: FromWorld) => {
    if (message.type === 'log') return log(message.line);
    const waiting = pending.get(message.call);
    pending.delete(message.call);
    if (message.type === 'done') waiting?.resolve(message.value);
    else waiting?.reject(uncrossed(message.error));
  });
  worker.on('error', (e) => {
    log(`demo: the demo world's thread failed: ${e.message}`);
    endAll(e);
  });
  worker.on('exit', () => endAll(new Error("the demo world's thread has stopped")));
  return {
    call<M extends WorldMethod>(method: M, args: WorldCalls[M][0]): Promise<WorldCalls[M][1]> {
      if (gone) return Promise.reject(gone);
      const call = ++calls;
      return new Promise((resolve, reject) => {
        pending.set(call, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ call, method, args } as ToWorld);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The demo world in a thread of its own, started from `script` at the first call that needs it. */
export function threadedDemoWorld(script: URL): DemoWorld {
  let thread: WorldThread | undefined;
  let logTo: (line: string) => void = () => {};
  const open = (fleet: Fleet) => (thread ??= startWorldThread(script, fleet, (line) => logTo(line)));
  const stopped = (t: WorldThread, method: 'stopSimulator' | 'stopDevices') => t.call(method, undefined).catch(() => undefined);
  return {
    async buildFleet() {
      const { buildDemoFleet } = await import('./fleet.js');
      return buildDemoFleet();
    },
    async startDevices({ fleet, log }) {
      if (log) logTo = log;
      const t = open(fleet);
      const devices = await t.call('startDevices', undefined);
      return {
        ...devices,
        managementUrlOf: (assetId: string) => managementUrlAt(devices.url, assetId),
        injectFault: (assetId: string, fault: string, options?: { forMs?: number }) => t.call('inject', { assetId, fault, ...(options?.forMs === undefined ? {} : { forMs: options.forMs }) }),
        // The devices go last (startDemo stops the simulator first), and the thread with them.
        async stop() {
          await stopped(t, 'stopDevices');
          await t.close();
        },
      };
    },
    async importPastFlow({ fleet, until, signal, days, ...options }) {
      const t = open(fleet);
      signal?.addEventListener('abort', () => void t.call('abortPast', undefined).catch(() => undefined), { once: true });
      return t.call('importPast', { ...options, ...(days === undefined ? {} : { days }), untilMs: until.getTime() });
    },
    startSimulator({ fleet, log, hubUrl, token, seed, speed }) {
      if (log) logTo = log;
      const t = open(fleet);
      // Said, not thrown: nothing awaits the start until the hub stops, and the hub goes on without a simulator.
      const started = t.call('startSimulator', { hubUrl, token, seed, speed }).catch((e: unknown) => logTo(`demo: the simulator did not start: ${e instanceof Error ? e.message : String(e)}`));
      return {
        async stop() {
          await started;
          await stopped(t, 'stopSimulator');
        },
      };
    },
  };
}
