// The alert journal's applier runs below the hub's own threads (src/hub/background-thread.ts):
// a real demo hub as a child process, its threads' nice values read from /proc. The thread
// that answers requests keeps the priority it was started with; exactly one thread (the
// applier's worker) runs at BACKGROUND_NICE (19). Linux only: elsewhere nothing is lowered.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from '../../src/hub/background-thread.js';
import { cliEnv, type CliEnv } from '../helpers/cli.js';
import { startDemoHubProcess, type DemoHubProcess } from '../helpers/demo-hub-process.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Each thread's nice value, by thread id (proc(5): field 19 of stat, counted after the command name's parenthesis). */
function niceOfThreads(pid: number): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      nice.set(Number(tid), Number(fields[16]));
    } catch {
      // a thread that ended between the listing and the read
    }
  }
  return nice;
}

describe.runIf(process.platform === 'linux')('the alert applier thread', () => {
  let cli: CliEnv;
  let hub: DemoHubProcess;
  const started = getPriority(); // a hub inherits the nice value of whoever started it
  beforeAll(async () => {
    cli = cliEnv();
    hub = await startDemoHubProcess(cli);
  }, 40_000);
  afterAll(async () => {
    await hub?.stop();
    cli?.cleanup();
  });

  it('runs at the lowest priority while the thread that answers requests keeps its own', async () => {
    const lowered = (threads: Map<number, number>) => [...threads].filter(([tid, nice]) => tid !== hub.pid && nice !== started);
    const threads = await waitUntil(() => {
      const now = niceOfThreads(hub.pid);
      return started >= BACKGROUND_NICE || lowered(now).length > 0 ? now : undefined;
    }, { timeoutMs: 15_000, what: `a hub thread at nice ${BACKGROUND_NICE}` });
    expect(threads.get(hub.pid)).toBe(started);
    if (started >= BACKGROUND_NICE) expect(lowered(threads)).toEqual([]); // never raised
    else expect(lowered(threads).map(([, nice]) => nice)).toEqual([BACKGROUND_NICE]);
  }, 30_000);
});
