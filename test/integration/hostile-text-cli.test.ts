// Text from outside (an alert's annotations, a note, an assignee, a token's
// name) printed by the built CLI: on a terminal and piped it is inert — no
// escape sequence, control character or bidi override reaches the officer's
// terminal — and --json carries it exactly as stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { describeWith } from '../helpers/system-programs.js';
import { startTmux } from '../helpers/tmux.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

// Retitle the terminal, ring its bell and clear the screen; then a right-to-left override.
const ATTACK = '\x1b]0;PWNED\x07\x1b[2J';
const BIDI = '\u202egnp.exe';
const INERT_ATTACK = '\u241b]0;PWNED\u2407\u241b[2J';
const ARABIC = 'بوابة مطار الملك خالد';

let hub: FixtureHub;
let cli: CliEnv;
let incidentId = '';
let secondId = '';
const env = (): Record<string, string> => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken! });

/** No raw control character, C1 control or bidi override anywhere in what was printed. */
function expectInert(text: string): void {
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
}

beforeAll(async () => {
  hub = await startFixtureHub();
  cli = cliEnv();
  const alert = {
    version: '4',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'GateDown', site: 'RUH', asset: 'egate-07', severity: 'critical' },
        annotations: { summary: `Gate down ${ATTACK} ${BIDI}`, description: `${ARABIC}\x9b31m line\nforged line` },
        fingerprint: 'hostile-1',
      },
    ],
  };
  incidentId = (await (await hub.clientAs('intake', 'alertmanager')).ingestAlertmanager(alert)).created[0]!;
  await hub.admin.note(incidentId, `note ${ATTACK}`);
  await hub.admin.assign(incidentId, `Eve ${ATTACK}`);
  // A token whose name is hostile acknowledges a second incident: a conflict message will name it.
  const bot = await hub.clientAs('officer', `bot ${ATTACK}`);
  secondId = (await hub.admin.createIncident({ title: 'Counter printer jam', severity: 'sev3', siteId: 'JED' })).incident.id;
  await bot.ack(secondId);
});

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

describe('piped', () => {
  for (const args of [['incidents', 'show'], ['incidents', 'list'], ['status', 'RUH'], ['tokens', 'list'], ['audit', 'list']]) {
    it(`${args.join(' ')} prints outside text inert`, async () => {
      const r = await runCli([...args, ...(args[0] === 'incidents' && args[1] === 'show' ? [incidentId] : [])], env());
      expect(r.code, r.stderr).toBe(0);
      expectInert(r.stdout);
      expectInert(r.stderr);
      if (args[0] !== 'audit') expect(r.stdout).toContain(INERT_ATTACK);
    });
  }

  it('incidents show: a bidi override is spelled out, Arabic stays as it is, a newline cannot forge a line', async () => {
    const r = await runCli(['incidents', 'show', incidentId], env());
    expect(r.stdout).toContain('\\u202egnp.exe');
    expect(r.stdout).toContain(`${ARABIC}\\u009b31m line\u240aforged line`);
    expect(r.stdout).not.toMatch(/^forged line/m);
  });

  it('--json keeps the data exactly as stored', async () => {
    const r = await runCli(['incidents', 'show', incidentId, '--json'], env());
    expect(r.code).toBe(0);
    const { incident, timeline } = JSON.parse(r.stdout);
    expect(incident.title).toBe(`Gate down ${ATTACK} ${BIDI}`);
    expect(timeline.map((t: { text: string }) => t.text)).toContain(`note ${ATTACK}`);
  });

  it('an error message that names outside text is inert too', async () => {
    const conflict = await runCli(['incidents', 'ack', secondId], env());
    expect(conflict.code).toBe(5);
    expectInert(conflict.stderr);
    expect(conflict.stderr).toContain(`bot ${INERT_ATTACK}`);
  });
});

describeWith('tmux', 'on a terminal', () => {
  it('incidents show and list neither retitle nor clear the terminal', async () => {
    const { CI: _ci, ...rest } = env();
    // The commands wait for a key until the marker is on screen, so nothing races the pane's start.
    const run = (args: string) => `"${process.execPath}" "${CLI_PATH}" ${args}`;
    const script = `echo BEFORE-MARKER; read go; ${run(`incidents show ${incidentId}`)}; ${run('incidents list')}; echo AFTER-MARKER`;
    const session = await startTmux({ width: 200, height: 50, command: ['sh', '-c', script], env: { ...rest, TERM: 'xterm-256color', LANG: 'C.UTF-8' }, dir: cli.configDir });
    try {
      await session.waitFor((s) => s.includes('BEFORE-MARKER'), 'the shell to start');
      await session.keys('Enter');
      const screen = await session.waitFor((s) => s.includes('AFTER-MARKER'), 'both commands to finish', 20_000);
      // Nothing cleared the screen: incidents show's first lines are still there above the list.
      expect(screen).toMatch(/^INC-\d+ {2}sev1 {2}triggered$/m);
      expect(screen).toMatch(/^timeline$/m);
      expect(screen).toContain(INERT_ATTACK);
      expect(await session.title()).not.toContain('PWNED');
    } finally {
      await session.kill();
    }
  });
});
