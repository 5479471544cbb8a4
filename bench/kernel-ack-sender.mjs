// bench/fanout.mjs's default ack sender, bench/ack-sender.c, driven from node:
// it answers to the same calls as bench/ack-sender.mjs's `forkAckSender` (the
// node sender, kept for comparison), but an ack's answer is stamped with the
// kernel's receive time (SO_TIMESTAMPNS), so the sender's own wait for a core
// after the answer arrived is not counted as the hub's. Why, and what the
// stamps do not exclude, is in bench/ack-sender.c's header.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileBenchC, lineChild } from './c-child.mjs';

/**
 * Starts the sender for the hub at `origin` (127.0.0.1), at the bench's priority. `acks({ ids, rate })` runs a round
 * and resolves with { stamped: [{ id, sentAt, writtenAt, readAt, readBySender }], stalls: [] } (wall-clock ms: sentAt
 * just before the write, so writtenAt is the same; readAt the kernel's stamp of the answer's last bytes, readBySender
 * when the sender read them); `pid` is its process; `close()` ends it.
 */
export async function startKernelAckSender({ origin, token, connections = 16 }) {
  const binary = compileBenchC('ack-sender', 'the kernel-stamped ack sender');
  const dir = mkdtempSync(join(tmpdir(), 'wf-ack-sender-'));
  const { hostname, port } = new URL(origin);
  const child = spawn(binary, [hostname, port, token, String(connections), join(dir, 'stamps.txt')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ask = lineChild(child, 'ack-sender');
  try {
    if ((await ask()) !== 'ready') throw new Error('ack-sender did not start');
  } finally {
    rmSync(dirname(binary), { recursive: true, force: true }); // the process runs it already
  }
  return {
    pid: child.pid,
    async acks({ ids, rate }) {
      writeFileSync(join(dir, 'ids.txt'), `${ids.join('\n')}\n`);
      const done = await ask(`acks ${rate} ${join(dir, 'ids.txt')}`);
      if (done !== `done ${ids.length}`) throw new Error(`ack-sender said ${done}`);
      const stamped = readFileSync(join(dir, 'stamps.txt'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [id, status, changed, sentAt, readAt, readBySender] = line.split(' ');
          if (status !== '200' || changed !== '1') throw new Error(`ack ${id} -> ${status}, changed ${changed === '1'}`);
          const ack = { id, sentAt: Number(sentAt), writtenAt: Number(sentAt), readAt: Number(readAt), readBySender: Number(readBySender) };
          // A kernel stamp outside its send and its read is not a receive time on this clock (no stamp, or another clock's).
          if (!(ack.sentAt <= ack.readAt && ack.readAt <= ack.readBySender)) throw new Error(`ack ${id}: a kernel stamp outside its send and read: ${line}`);
          return ack;
        });
      return { stamped, stalls: [] };
    },
    close: () =>
      new Promise((r) => {
        rmSync(dir, { recursive: true, force: true });
        if (child.exitCode !== null) return r();
        child.once('exit', r);
        child.stdin.end();
      }),
  };
}
