// The bench's helpers written in C (bench/sse-clients.c, bench/ack-sender.c):
// built with the system's compiler when a run needs them, and driven as child
// processes over a line protocol (a command on stdin, a line back on stdout).
// They exist so the kernel, not a process waiting for a core, stamps when
// bytes arrived (SO_TIMESTAMPNS); node has no access to those stamps.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/NAME.c built with cc -O2 into a directory of its own (the caller removes it); the binary's path. */
export function compileBenchC(name, why) {
  const binary = join(mkdtempSync(join(tmpdir(), `wf-${name}-bin-`)), name);
  const built = spawnSync('cc', ['-O2', '-o', binary, fileURLToPath(new URL(`./${name}.c`, import.meta.url))], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`${why} needs a C compiler (cc): ${built.stderr || built.error}`);
  return binary;
}

/**
 * The line protocol of a spawned C helper (stdio pipe for stdin and stdout): `ask(cmd)` writes the command (or none)
 * and resolves with the next line the child prints; it rejects once the child has exited.
 */
export function lineChild(child, name) {
  const lines = [];
  let waiting;
  let failed;
  let text = '';
  child.stdout.on('data', (c) => {
    text += c;
    let nl;
    while ((nl = text.indexOf('\n')) >= 0) {
      lines.push(text.slice(0, nl));
      text = text.slice(nl + 1);
    }
    if (waiting && lines.length) waiting.resolve(lines.shift());
  });
  child.once('exit', (code) => {
    failed = new Error(`${name} exited with ${code}`);
    waiting?.reject(failed);
  });
  return (cmd) =>
    new Promise((resolveAsk, reject) => {
      if (failed) return reject(failed);
      if (lines.length) resolveAsk(lines.shift());
      else waiting = { resolve: (line) => ((waiting = undefined), resolveAsk(line)), reject };
      if (cmd) child.stdin.write(`${cmd}\n`);
    });
}
