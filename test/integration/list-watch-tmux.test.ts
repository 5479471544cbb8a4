// `incidents list --watch` on a real terminal (tmux): the list redrawn in place
// as the hub changes — a new incident appears, its acknowledgement shows — and
// Ctrl-C ends it with exit 0, as `watch` and `demo` end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { describeWith } from '../helpers/system-programs.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

let hub: TestHub;
let cli: CliEnv;
let session: TmuxSession | undefined;

beforeAll(async () => {
  hub = await startTestHub();
  cli = cliEnv();
}, 30_000);

afterAll(async () => {
  await session?.kill();
  await hub?.stop();
  cli?.cleanup();
});

async function post(path: string, body: unknown): Promise<any> {
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

describeWith('tmux', 'incidents list --watch on a terminal', () => {
  it('redraws the list in place as incidents open and change, and Ctrl-C ends it with 0', async () => {
    const { CI: _ci, ...env } = cli.env;
    // The exit status printed after it, so the test can read it off the screen (bash, not sh: dash
    // dies of the Ctrl-C itself, where bash waits for its child to decide).
    const line = `'${process.execPath}' '${CLI_PATH}' incidents list --watch; echo "exit=$?"`;
    session = await startTmux({
      width: 120,
      height: 20,
      command: ['bash', '-c', line],
      env: { ...env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken, TERM: 'xterm-256color', LANG: 'C.UTF-8' },
      dir: cli.configDir,
    });
    await session.waitFor((s) => s.includes('incidents list --watch') && s.includes('no incidents match'), 'the empty list under its header');
    const { incident } = await post('/v1/incidents', { title: 'lane 4 scanner', severity: 'sev2' });
    const opened = await session.waitFor((s) => s.includes(incident.id), 'the new incident');
    expect(opened).not.toContain('no incidents match');
    // In place: the header once, at the top.
    expect(opened.split('\n')[0]).toMatch(/^watchfloor incidents list --watch · \d\d:\d\d:\d\d UTC · Ctrl-C stops$/);
    expect(opened.match(/--watch ·/g)).toHaveLength(1);
    await post(`/v1/incidents/${incident.id}/ack`, {});
    await session.waitFor((s) => new RegExp(`${incident.id}.*acknowledged`).test(s), 'the acknowledgement');
    await session.keys('C-c');
    await session.waitFor((s) => s.includes('exit=0'), 'exit 0 after Ctrl-C');
  }, 60_000);
});
