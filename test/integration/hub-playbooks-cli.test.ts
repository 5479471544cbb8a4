// `hub start --playbooks DIR` as an operator runs it: the built CLI starts a
// hub that loads the directory beside the built-ins, logs a file it could not
// load and goes on; a directory that is not there stops the start (exit 2).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCliProcess, type CliEnv, type CliProcess } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { minimalPlaybook, playbookDir, type PlaybookDir } from '../playbooks/playbook-text.js';

let cli: CliEnv;
let dir: PlaybookDir;
let hub: CliProcess<string> | undefined;

beforeAll(async () => {
  cli = cliEnv();
  dir = playbookDir();
  dir.write('gate-check.yaml', minimalPlaybook('gate-check'));
  dir.write('broken.yaml', minimalPlaybook('broken', '    timeout: 30x\n'));
  const data = join(cli.configDir, 'hub.sqlite');
  hub = await startCliProcess(['hub', 'start', '--port', '0', '--data', data, '--playbooks', dir.dir, '--json'], cli.env, (line) => line.url as string | undefined);
});

afterAll(async () => {
  await hub?.stop();
  dir?.remove();
  cli?.cleanup();
});

describe('hub start --playbooks', () => {
  it('loads the directory beside the built-ins, and says which file it skipped and why', async () => {
    const r = await runCli(['playbook', 'list', '--json'], cli.env);
    expect(r.code, r.stderr).toBe(0);
    const ids = (JSON.parse(r.stdout) as { playbooks: { id: string }[] }).playbooks.map((p) => p.id);
    expect(ids).toContain('gate-check');
    expect(ids).toContain('terminal-evacuation');
    expect(ids).not.toContain('broken');
    await waitUntil(() => hub!.stderr().includes('playbooks: 7 built-in, 1 from'), { what: 'the summary of the playbooks loaded', timeoutMs: 5_000, describe: () => hub!.stderr() });
    expect(hub!.stderr()).toContain(`playbook file not loaded: ${join(dir.dir, 'broken.yaml')}:13: steps[0].timeout: a duration like 30s, 5m, 2h or 1d\n`);
  });

  it('a directory that is not there stops the start with exit 2', async () => {
    const r = await runCli(['hub', 'start', '--port', '0', '--data', join(cli.configDir, 'other.sqlite'), '--playbooks', join(dir.dir, 'nope')], cli.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read the playbooks directory ${join(dir.dir, 'nope')}: it does not exist`);
  });
});
