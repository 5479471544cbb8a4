// `watchfloor demo | head -3`, the built CLI as a child process: when the reader
// closes the pipe, the demo stops as it would on Ctrl-C — exit 0, no EPIPE
// crash — and leaves nothing behind: its temporary folder gone, the profile
// that was active before it active again.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('watchfloor demo | head -3', () => {
  it('stops quietly when the reader goes, removes its folder and gives the active profile back', async () => {
    const own = cliEnv();
    const tmp = join(own.configDir, 'tmp');
    mkdirSync(tmp);
    const before = { activeProfile: 'work', profiles: { work: { hub: 'http://127.0.0.1:1' } } };
    writeFileSync(join(own.configDir, 'config.json'), JSON.stringify(before));
    const child = spawn(process.execPath, [CLI_PATH, 'demo', '--port', '0', '--seed', '7'], {
      env: { ...own.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let exitCode: number | null | undefined;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => (exitCode = code));
    try {
      await waitUntil(() => stdout.split('\n').length > 3, { what: 'three lines of status', timeoutMs: 30_000, describe: () => stderr });
      // While it runs, the demo's profile is the active one: other commands reach its hub.
      expect(JSON.parse(readFileSync(join(own.configDir, 'config.json'), 'utf8')).activeProfile).toBe('demo');
      // What head does after its third line.
      child.stdout.destroy();
      await waitUntil(() => exitCode !== undefined, { what: 'the demo to exit after its reader left', timeoutMs: 15_000, describe: () => stderr });
      expect(stderr).not.toContain('EPIPE');
      expect(exitCode, stderr).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
      expect(JSON.parse(readFileSync(join(own.configDir, 'config.json'), 'utf8'))).toEqual(before);
    } finally {
      if (exitCode === undefined) child.kill('SIGKILL');
      own.cleanup();
    }
  }, 60_000);
});
