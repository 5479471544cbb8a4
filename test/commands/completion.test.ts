// Completion scripts come from the command tree: the committed files must be
// what the tree generates now (`npm run completions` rewrites them), and the
// hidden `__complete` command feeds them ids from the hub, or nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionScript, type Shell } from '../../src/commands/completion/scripts.js';
import { commandSpec } from '../../src/commands/completion/tree.js';
import { buildProgram } from '../../src/commands/program.js';
import { closedPortUrl, startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { INCIDENT_FIELDS } from '../../src/render/json.js';
import { INCIDENTS, SITES } from './fixtures.js';

const FILES: Record<Shell, string> = { bash: 'watchfloor.bash', zsh: '_watchfloor', fish: 'watchfloor.fish' };
const COMPLETIONS_DIR = join(import.meta.dirname, '..', '..', 'completions');

let hub: StubHub;
let cli: FakeCli;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/incidents?state=open', body: { incidents: INCIDENTS } },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
});

afterAll(async () => {
  await hub.close();
  cli.cleanup();
});

describe('generated scripts', () => {
  for (const shell of Object.keys(FILES) as Shell[]) {
    it(`completions/${FILES[shell]} matches the command tree (run \`npm run completions\` if not)`, async () => {
      const r = await cli.run('completion', shell);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(COMPLETIONS_DIR, FILES[shell]), 'utf8'));
    });
  }

  it('cover every command and option, and mark the dynamic values', () => {
    const bash = completionScript(commandSpec(buildProgram(cli.deps)), 'bash');
    for (const path of ['/incidents/escalate', '/tokens/revoke', '/config/use', '/hub/start']) expect(bash).toContain(path);
    expect(bash).toContain('"/incidents/list":--site) _watchfloor_reply sites; return ;;');
    expect(bash).toContain('"/incidents/ack":0) _watchfloor_reply incidents; return ;;');
    expect(bash).toContain('"/hub/start":--data) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;');
    expect(bash).toContain('"/sites/list":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre"');
    expect(bash).not.toContain('__complete)');
    expect(bash).toContain('complete -F _watchfloor watchfloor wf');
  });

  it('offer after --json the fields of the verb typed, from its own allowlist, in every shell', () => {
    const spec = commandSpec(buildProgram(cli.deps));
    const fields = INCIDENT_FIELDS.join(' ');
    const bash = completionScript(spec, 'bash');
    expect(bash).toContain(`"/incidents/list") fields="${fields}" ;;`);
    expect(bash).toContain('*:--json) _watchfloor_json_fields && return;');
    expect(bash).not.toContain('"/incidents/ack") fields=');
    expect(completionScript(spec, 'zsh')).toContain(`("/incidents/show") fields=(${fields}) ;;`);
    expect(completionScript(spec, 'fish')).toContain(
      `complete -c watchfloor -n '__watchfloor_in /incidents/list' -l json -x -a '(__watchfloor_json_fields ${fields})'`,
    );
  });

  it('an unknown shell is a usage error', async () => {
    expect((await cli.run('completion', 'tcsh')).code).toBe(2);
  });
});

describe('__complete', () => {
  it('prints site ids and open incident ids, one per line', async () => {
    expect((await cli.run('__complete', 'sites')).stdout).toBe('RUH\nJED\nLND-KFC\nSC-RIY-01\n');
    expect((await cli.run('__complete', 'incidents')).stdout).toBe('INC-000042\nINC-000007\n');
  });

  it('matches the word typed, in the form typed: any case, short ids', async () => {
    expect((await cli.run('__complete', 'incidents', '4')).stdout).toBe('42\n');
    expect((await cli.run('__complete', 'incidents', 'inc-')).stdout).toBe('inc-000042\ninc-000007\n');
    expect((await cli.run('__complete', 'incidents', 'inc-4')).stdout).toBe('inc-42\n');
    expect((await cli.run('__complete', 'incidents', 'INC-00004')).stdout).toBe('INC-000042\n');
    expect((await cli.run('__complete', 'sites', 'lnd')).stdout).toBe('lnd-kfc\n');
  });

  it('lists the profiles from this machine, without a hub', async () => {
    const local = fakeCli({ env: { WATCHFLOOR_HUB: await closedPortUrl() } });
    try {
      expect((await local.run('--profile', 'night', 'config', 'set', 'hub', 'http://127.0.0.1:1')).code).toBe(0);
      expect((await local.run('__complete', 'profiles')).stdout).toBe('night\n');
    } finally {
      local.cleanup();
    }
  });

  it('prints nothing and exits 0, quickly, when the hub is unreachable', async () => {
    const started = performance.now();
    const r = await cli.run('__complete', 'sites', '--hub', await closedPortUrl());
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('is not listed in help', async () => {
    expect((await cli.run('--help')).stdout).not.toContain('__complete');
  });
});
