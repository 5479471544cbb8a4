// The two ways bench/intake.mjs sends its requests: from bench/intake-sender.c
// (the default: a few µs of CPU a request, so the receivers are what is
// measured) or from the bench's own node process with undici (`--node-sender`,
// how the bench sent before; its 16 senders took a share of the very cores the
// receivers ran on). Either sends the same requests, SENDERS at once in a
// closed loop, sends a 503 with Retry-After again after that wait (counted as
// refused, the wait inside the request's latency), and gives back the same:
// each request's latency, status and answer text, and the wall time.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { compileBenchC } from './c-child.mjs';

/**
 * @typedef {{ latencies: number[], statuses: number[], answers: string[], refused: number, wallMs: number }} Sent
 * @typedef {{ send(path: string, headers: Record<string, string>, bodies: string[]): Promise<Sent>, close(): Promise<void> }} Senders
 */

/** Undici's pool in this process: SENDERS connections, each sending its next request once the last is answered. */
export function nodeSenders(url, senders) {
  const pool = new Pool(url, { connections: senders });
  return {
    async send(path, headers, bodies) {
      const latencies = new Array(bodies.length);
      const statuses = new Array(bodies.length);
      const answers = new Array(bodies.length);
      let next = 0;
      let refused = 0;
      const sender = async () => {
        while (next < bodies.length) {
          const i = next++;
          const t0 = performance.now();
          for (;;) {
            const res = await pool.request({ path, method: 'POST', headers, body: bodies[i] });
            const text = await res.body.text();
            if (res.statusCode === 503 && res.headers['retry-after']) {
              refused++;
              await new Promise((r) => setTimeout(r, Number(res.headers['retry-after']) * 1000));
              continue;
            }
            statuses[i] = res.statusCode;
            answers[i] = text;
            break;
          }
          latencies[i] = performance.now() - t0;
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: senders }, sender));
      return { latencies, statuses, answers, refused, wallMs: performance.now() - t0 };
    },
    close: () => pool.close(),
  };
}

/** bench/intake-sender.c: the requests written whole into a file, as undici writes them, sent by a process of their own. */
export function cSenders(url, senders, binary) {
  const { hostname, port } = new URL(url);
  const dir = join(binary, '..');
  return {
    async send(path, headers, bodies) {
      const head = `POST ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nconnection: keep-alive\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}`;
      const requests = bodies.map((body) => Buffer.from(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
      const reqFile = join(dir, 'requests');
      const outFile = join(dir, 'answers');
      writeFileSync(reqFile, Buffer.concat(requests.flatMap((r) => [Buffer.from(`${r.length}\n`), r])));
      const child = spawn(binary, [hostname, String(port), String(senders), reqFile, outFile], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      if (code !== 0) throw new Error(`bench/intake-sender.c exited with ${code}: ${stderr.trim()}`);
      const [, , wallMs, refused] = stdout.trim().split(' ');
      const lines = readFileSync(outFile, 'utf8').split('\n').slice(0, bodies.length);
      rmSync(outFile);
      return {
        latencies: lines.map((l) => Number(l.split(' ')[1])),
        statuses: lines.map((l) => Number(l.split(' ')[0])),
        answers: lines.map((l) => l.slice(l.indexOf(' ', l.indexOf(' ') + 1) + 1)),
        refused: Number(refused),
        wallMs: Number(wallMs),
      };
    },
    close: async () => {},
  };
}

/** The senders for each receiver's URL: C unless `node` (the binary built once, removed by `removeBuild`). */
export function sendersFor(node) {
  const binary = node ? undefined : compileBenchC('intake-sender', 'bench/intake.mjs (without --node-sender)');
  return {
    at: (url, senders) => (node ? nodeSenders(url, senders) : cSenders(url, senders, binary)),
    removeBuild: () => binary && rmSync(join(binary, '..'), { recursive: true, force: true }),
  };
}
