// `incidents …` through run() against a stub hub: output, id forms, exit codes, prompts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/commands/deps.js';
import { orderForPicking } from '../../src/commands/incidents/pick.js';
import type { Incident } from '../../src/core/model.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { INCIDENT_DETAIL, INCIDENTS, SITES, incident } from './fixtures.js';

let hub: StubHub;
let cli: FakeCli;
let env: Record<string, string>;

const acked = incident(42, { state: 'acknowledged', acknowledgedBy: { id: 'tok_me', name: 'Omar' }, version: 2 });

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } },
    // The list folds children under their parents (the picker asks for every open one).
    { method: 'GET', path: '/v1/incidents?state=open&children=false', body: { incidents: INCIDENTS } },
    { method: 'GET', path: '/v1/incidents?state=resolved&severity=sev1&children=false', body: { incidents: [] } },
    { method: 'GET', path: '/v1/incidents?state=open&site=JED', body: { incidents: [INCIDENTS[1]] } },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/incidents/INC-000042', body: INCIDENT_DETAIL },
    { method: 'GET', path: '/v1/incidents/INC-000404', status: 404, body: { error: { code: 'not_found', message: 'no incident INC-000404' } } },
    { method: 'POST', path: '/v1/incidents/INC-000042/ack', body: { incident: acked, changed: true } },
    { method: 'POST', path: '/v1/incidents/INC-000007/ack', body: { incident: INCIDENTS[1], changed: false } },
    {
      method: 'POST',
      path: '/v1/incidents/INC-000043/ack',
      status: 409,
      body: { error: { code: 'conflict', message: 'INC-000043 was already acknowledged by Fatimah at 06:20', details: { acknowledgedBy: { id: 'tok_1', name: 'Fatimah' } } } },
    },
    {
      method: 'POST',
      path: '/v1/incidents/INC-000044/escalate',
      status: 403,
      body: { error: { code: 'forbidden', message: 'escalate needs the supervisor role; your token is officer' } },
    },
    { method: 'POST', path: '/v1/incidents/INC-000042/assign', body: { incident: { ...acked, assignee: 'Fatimah Alqahtani' }, changed: true } },
    { method: 'POST', path: '/v1/incidents/INC-000042/notes', body: { incident: acked, changed: true } },
    { method: 'POST', path: '/v1/incidents/INC-000042/resolve', body: { incident: { ...acked, state: 'resolved' }, changed: true } },
  ]);
  env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' };
  cli = fakeCli({ env });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
  cli.cleanup();
});

const lastRequest = () => hub.requests.at(-1)!;

describe('incidents list', () => {
  it('piped: open incidents by default, one tab-separated row each', async () => {
    const r = await cli.run('incidents', 'list');
    expect(r.code, r.stderr).toBe(0);
    expect(lastRequest().url).toBe('/v1/incidents?state=open&children=false');
    expect(r.stdout).toBe(
      [
        'INC-000042\tsev2\ttriggered\tRUH\tE-gate 42 stopped processing travellers\t2025-03-01T06:10:00Z\t-',
        'INC-000007\tsev3\tacknowledged\tJED\tCCTV camera 4 lost its stream\t2025-03-01T04:30:00Z\tFatimah',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal: headings and ages relative to the clock', async () => {
    const tty = fakeCli({ env, tty: true, width: 100 });
    try {
      const r = await tty.run('incidents', 'list');
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^INCIDENT\s+SEV\s+STATE\s+SITE\s+TITLE\s+AGE\s+OWNER$/);
      expect(lines[1]).toMatch(/^INC-000042\s+sev2\s+triggered\s+RUH\s+E-gate 42 stopped processing travellers\s+20m\s+-$/);
      expect(lines[2]).toMatch(/\s2h\s+Fatimah$/);
    } finally {
      tty.cleanup();
    }
  });

  it('--site takes a name fragment and sends the site id', async () => {
    const r = await cli.run('incidents', 'list', '--site', 'abdulaziz', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(lastRequest().url).toBe('/v1/incidents?state=open&site=JED');
    expect(JSON.parse(r.stdout).incidents.map((i: { id: string }) => i.id)).toEqual(['INC-000007']);
  });

  it('filters by state and severity; an empty list says so on stderr only', async () => {
    const r = await cli.run('incidents', 'list', '--state', 'resolved', '--severity', 'sev1');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('no incidents match\n');
  });

  it('a bad severity is a usage error (exit 2) before any request', async () => {
    const before = hub.requests.length;
    const r = await cli.run('incidents', 'list', '--severity', 'sev9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'sev9' is invalid");
    expect(hub.requests.length).toBe(before);
  });
});

describe('incidents show', () => {
  it('accepts 42, inc-42 and INC-000042 alike', async () => {
    for (const id of ['42', 'inc-42', 'INC-000042']) {
      const r = await cli.run('incidents', 'show', id, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(lastRequest().url).toBe('/v1/incidents/INC-000042');
      expect(JSON.parse(r.stdout)).toMatchObject({ incident: { id: 'INC-000042' }, timeline: [{ kind: 'triggered' }, { kind: 'note' }] });
    }
  });

  it('piped: the incident and its timeline as plain text', async () => {
    const r = await cli.run('incidents', 'show', '42');
    expect(r.stdout).toBe(
      [
        'INC-000042  sev2  triggered',
        'E-gate 42 stopped processing travellers',
        'site: RUH',
        'asset: RUH/egate-042',
        'opened: 2025-03-01T06:10:00Z (alertmanager)',
        '',
        'timeline',
        '  2025-03-01T06:10:00Z  triggered  alertmanager (api)  EgateDown firing',
        '  2025-03-01T06:20:00Z  note  Omar (cli)  vendor called',
        '',
      ].join('\n'),
    );
  });

  it('an unknown incident exits 4; a malformed id exits 2', async () => {
    const missing = await cli.run('incidents', 'show', '404');
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('watchfloor: no incident INC-000404');
    const bad = await cli.run('incidents', 'show', 'gate-7');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an incident id: gate-7');
  });
});

describe('incidents ack', () => {
  it('acknowledges, printing one line', async () => {
    const r = await cli.run('incidents', 'ack', '42');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('acknowledged INC-000042: E-gate 42 stopped processing travellers\n');
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/incidents/INC-000042/ack', body: {} });
  });

  it('acking again as the same officer is exit 0, "already acknowledged by you"', async () => {
    const r = await cli.run('incidents', 'ack', 'inc-7');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('INC-000007 already acknowledged by you\n');
  });

  it('someone else got there first: exit 5 naming them, as text and as JSON', async () => {
    const r = await cli.run('incidents', 'ack', '43');
    expect(r.code).toBe(5);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('watchfloor: INC-000043 was already acknowledged by Fatimah at 06:20\n');
    const j = await cli.run('incidents', 'ack', '43', '--json');
    expect(j.code).toBe(5);
    expect(JSON.parse(j.stderr)).toEqual({
      error: { code: 'conflict', message: 'INC-000043 was already acknowledged by Fatimah at 06:20', details: { acknowledgedBy: { id: 'tok_1', name: 'Fatimah' } } },
    });
  });

  it('--json prints the incident and whether it changed', async () => {
    const r = await cli.run('incidents', 'ack', '42', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ incident: { id: 'INC-000042', state: 'acknowledged' }, changed: true });
  });

  it('without an id and no terminal: exit 2 "missing incident id", no request, no wait', async () => {
    const before = hub.requests.length;
    const r = await cli.run('incidents', 'ack');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('watchfloor: missing incident id');
    expect(hub.requests.length).toBe(before);
  });

  it('without an id on a terminal: offers the open incidents to choose from', async () => {
    const offered: string[] = [];
    const prompter: Prompter = {
      select: async <T>({ choices }: { choices: { name: string; value: T }[] }) => {
        offered.push(...choices.map((c) => c.name));
        return choices[0]!.value;
      },
      confirm: async () => {
        throw new Error('not expected');
      },
      input: async () => {
        throw new Error('not expected');
      },
    };
    const tty = fakeCli({ env, tty: true, canPrompt: true, prompter });
    try {
      const r = await tty.run('incidents', 'ack');
      expect(r.code, r.stderr).toBe(0);
      expect(offered).toEqual([
        'INC-000042  sev2  RUH  E-gate 42 stopped processing travellers',
        'INC-000007  sev3  JED  CCTV camera 4 lost its stream',
      ]);
      expect(lastRequest().url).toBe('/v1/incidents/INC-000042/ack');
    } finally {
      tty.cleanup();
    }
  });

  it('never prompts with --json or under CI, even on a terminal', async () => {
    for (const [extraEnv, args] of [[{}, ['--json']], [{ CI: 'true' }, []]] as const) {
      const tty = fakeCli({ env: { ...env, ...extraEnv }, tty: true, canPrompt: true });
      try {
        const r = await tty.run('incidents', 'ack', ...args);
        expect(r.code).toBe(2);
      } finally {
        tty.cleanup();
      }
    }
  });
});

describe('the other actions', () => {
  it('assign --to sends the name; without --to it is a usage error', async () => {
    const r = await cli.run('incidents', 'assign', '42', '--to', 'Fatimah Alqahtani');
    expect(r.code, r.stderr).toBe(0);
    expect(lastRequest().body).toEqual({ to: 'Fatimah Alqahtani' });
    expect(r.stdout).toBe('assigned INC-000042 to Fatimah Alqahtani\n');
    expect((await cli.run('incidents', 'assign', '42')).code).toBe(2);
  });

  it('note joins the words of the text', async () => {
    const r = await cli.run('incidents', 'note', '42', 'gate', 'vendor', 'on', 'the', 'phone');
    expect(r.code, r.stderr).toBe(0);
    expect(lastRequest().body).toEqual({ text: 'gate vendor on the phone' });
  });

  it('escalate refused by role: exit 6 with the hub message', async () => {
    const r = await cli.run('incidents', 'escalate', '44', '--reason', 'queue growing');
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('supervisor');
    expect(lastRequest().body).toEqual({ reason: 'queue growing' });
  });

  it('resolve needs --summary when no one can be asked (exit 2); on a terminal it asks', async () => {
    const r = await cli.run('incidents', 'resolve', '42');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing --summary');

    const prompter: Prompter = {
      select: async () => {
        throw new Error('not expected');
      },
      confirm: async () => {
        throw new Error('not expected');
      },
      input: async () => 'restarted the gate controller',
    };
    const tty = fakeCli({ env, tty: true, canPrompt: true, prompter });
    try {
      const asked = await tty.run('incidents', 'resolve', '42');
      expect(asked.code, asked.stderr).toBe(0);
      expect(lastRequest().body).toEqual({ summary: 'restarted the gate controller' });
      expect(asked.stdout).toBe('resolved INC-000042\n');
    } finally {
      tty.cleanup();
    }
  });
});

describe('orderForPicking', () => {
  it('puts the most severe first and keeps the hub order within a severity', () => {
    const at = (id: string, severity: Incident['severity']) => ({ id, severity }) as Incident;
    const picked = orderForPicking([at('INC-000009', 'sev3'), at('INC-000008', 'sev1'), at('INC-000007', 'sev3'), at('INC-000006', 'sev2')]);
    expect(picked.map((i) => i.id)).toEqual(['INC-000008', 'INC-000006', 'INC-000009', 'INC-000007']);
  });
});
