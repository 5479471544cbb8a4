// `playbook run` through run() with fake deps and a real hub: on a terminal it
// shows what it would start and asks; declined, nothing starts; without a
// terminal it never asks and wants --yes; a person at a terminal sees the step
// list drawn on stderr and the final list on stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/commands/deps.js';
import { playbook, startPlaybookHub, type PlaybookHub } from '../playbooks/playbook-hub.js';
import { fakeCli } from './fake-deps.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });
let hub: PlaybookHub;
let env: Record<string, string>;

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('surge', [{ id: 'open-counters', type: 'set-mode', site: '${site}', mode: 'surge' }, { id: 'tell', type: 'notify', channel: '#ops', message: bi('surge at ${site}') }], {
      inputs: [{ name: 'counters', type: 'number', default: 4 }],
    }),
  ]);
  const { secret } = await hub.admin.createToken({ name: 'omar', role: 'officer' });
  env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: secret };
}, 30_000);

afterAll(async () => hub?.stop());

const answering = (answer: boolean, asked: string[]): Prompter => ({
  select: async () => {
    throw new Error('no select');
  },
  input: async () => {
    throw new Error('no input');
  },
  confirm: async ({ message }) => (asked.push(message), answer),
});

describe('playbook run on a terminal', () => {
  it('shows the parameters, and starts nothing when the person says no', async () => {
    const asked: string[] = [];
    const cli = fakeCli({ env, tty: true, canPrompt: true, prompter: answering(false, asked) });
    try {
      const before = (await hub.admin.listRuns()).length;
      const r = await cli.run('playbook', 'run', 'surge', '--site', 'jed', '--input', 'counters=6');
      expect(asked).toEqual(['Start surge?']);
      expect(r.stderr).toContain('surge v1: surge title');
      expect(r.stderr).toContain('inputs: counters=6');
      expect(r.stderr).toContain('1. open-counters (set-mode): switch JED to surge mode');
      expect(r.stderr).toContain('not started');
      expect(r.code).toBe(0);
      expect((await hub.admin.listRuns()).length).toBe(before);
    } finally {
      cli.cleanup();
    }
  });

  it('starts once confirmed, draws the steps on stderr and ends with them on stdout', async () => {
    const asked: string[] = [];
    const cli = fakeCli({ env, tty: true, canPrompt: true, prompter: answering(true, asked) });
    try {
      const r = await cli.run('playbook', 'run', 'surge', '--site', 'RUH', '--drill');
      expect(asked).toEqual(['Start surge as a drill?']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/RUN-\d{6} {2}surge v1\n {2}✓ open-counters {2}open-counters title/);
      expect(r.stdout).toContain('  ✓ tell  tell title');
      expect(r.stderr).toMatch(/RUN-\d{6} succeeded/);
      // The step list was drawn, then erased in place.
      expect(r.stderr).toContain('\x1b[J');
    } finally {
      cli.cleanup();
    }
  });

  it('never asks without a terminal: --yes is required, exit 2', async () => {
    const cli = fakeCli({ env, tty: false, canPrompt: false });
    try {
      const r = await cli.run('playbook', 'run', 'surge', '--site', 'RUH');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('playbook run asks for confirmation before it starts, and no one is at a terminal to give it');
      expect(r.stderr).toContain('--yes');
    } finally {
      cli.cleanup();
    }
  });

  it('refuses a malformed --input before calling the hub', async () => {
    const cli = fakeCli({ env, tty: false, canPrompt: false });
    try {
      const r = await cli.run('playbook', 'run', 'surge', '--input', 'counters', '--yes');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--input counters: expected NAME=VALUE');
    } finally {
      cli.cleanup();
    }
  });
});
