// Ctrl-C in a picker, in a real terminal: the built CLI asks which incident to
// acknowledge, the person presses Ctrl-C. Found: "this is a bug in
// watchfloor", exit 1. A shell's Ctrl-C is a quiet exit 130.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, type CliEnv } from '../helpers/cli.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { describeWith } from '../helpers/system-programs.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';
import { INCIDENTS } from '../commands/fixtures.js';

let cli: CliEnv;
let hub: StubHub;
let session: TmuxSession | undefined;

beforeAll(async () => {
  hub = await startStubHub([{ method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } }]);
  cli = cliEnv({ WATCHFLOOR_HUB: hub.url });
});

afterAll(async () => {
  await session?.kill();
  await hub.close();
  cli.cleanup();
});

describeWith('tmux', 'Ctrl-C in a picker', () => {
  // Each kind of prompt the CLI shows: a choice (which incident) and a line of text (what fixed it).
  const PICKERS = [
    { name: 'the incident picker', argv: 'incidents ack', shows: (s: string) => s.includes('Which incident?') && s.includes('INC-000042') },
    { name: 'a text prompt', argv: 'incidents resolve 42', shows: (s: string) => s.includes('What fixed it?') },
  ];
  for (const picker of PICKERS) {
    it(`exits 130 from ${picker.name} and says nothing about a bug`, { timeout: 30_000 }, async () => {
      const { CI: _ci, ...env } = cli.env;
      const line = `'${process.execPath}' '${CLI_PATH}' ${picker.argv}; echo "exit=$?"`;
      await session?.kill();
      session = await startTmux({ width: 100, height: 20, command: ['sh', '-c', line], env: { ...env, TERM: 'xterm-256color', LANG: 'C.UTF-8' }, dir: cli.configDir });
      await session.waitFor(picker.shows, picker.name);
      await session.keys('C-c');
      const screen = await session.waitFor((s) => /exit=\d+/.test(s), 'the exit code');
      expect(screen).toContain('exit=130');
      expect(screen).not.toContain('this is a bug in');
    });
  }
});
