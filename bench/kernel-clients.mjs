// bench/fanout.mjs --kernel-clients: event-stream clients in processes of
// bench/sse-clients.c, at the lowest priority (nice 19), each read stamped
// with the time the kernel received it (SO_TIMESTAMPNS), which the clients'
// own wait for a core does not move, and with the time they read it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileBenchC, lineChild } from './c-child.mjs';
import { cpuSeconds } from './lib.mjs';

/** bench/sse-clients.c built once for a run's processes; remove its directory once they run. */
export const buildKernelClients = () => compileBenchC('sse-clients', '--kernel-clients');

/**
 * `count` clients in one process of `binary`. `collect()` resolves with each client's { ended, chunks: [[kernel ms,
 * bytes, read ms]] } since the last `mark()` (the HTTP head taken off); `cpu(ticks)` is the process's CPU seconds.
 */
export async function openKernelClients(url, token, count, binary) {
  const { hostname, port } = new URL(url);
  const out = join(mkdtempSync(join(tmpdir(), 'wf-sse-')), 'reads.bin');
  const child = spawn('nice', ['-n', '19', binary, hostname, port, token, String(count), out], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ask = lineChild(child, 'sse-clients');
  if ((await ask()) !== 'open') throw new Error('sse-clients did not open its streams');
  return {
    mark: () => ask('mark'),
    async collect() {
      // How many streams the hub closed: only their number is counted (as cut), not which.
      const ended = Number((await ask('dump')).split(' ')[1]);
      const bytes = readFileSync(out);
      const clients = Array.from({ length: count }, (_, k) => ({ chunks: [], ended: k < ended }));
      for (let o = 0; o < bytes.length; ) {
        const c = bytes.readUInt32LE(o);
        const len = bytes.readUInt32LE(o + 4);
        clients[c].chunks.push([bytes.readDoubleLE(o + 8), bytes.subarray(o + 24, o + 24 + len), bytes.readDoubleLE(o + 16)]);
        o += 24 + len;
      }
      return clients;
    },
    close() {
      child.stdin.end();
      rmSync(dirname(out), { recursive: true, force: true });
    },
    cpu: (ticks) => cpuSeconds(child.pid, ticks),
  };
}
