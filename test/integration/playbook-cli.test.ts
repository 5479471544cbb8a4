// The playbook verbs as a duty officer runs them: the built CLI as a child
// process, against a real hub with the built-ins and an operator's directory
// (one of whose playbooks carries hostile text), and `validate` with no hub.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { minimalPlaybook, playbookDir, type PlaybookDir } from '../playbooks/playbook-text.js';

const ROOT = join(import.meta.dirname, '..', '..');
// In a YAML double-quoted string: retitle the terminal, clear it; then a right-to-left override.
const ATTACK_YAML = '\\e]0;PWNED\\a\\e[2J \\u202Egnp.exe';
const ATTACK = '\x1b]0;PWNED\x07\x1b[2J \u202egnp.exe';

let hub: FixtureHub;
let cli: CliEnv;
let dir: PlaybookDir;
const env = (): Record<string, string> => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: hub.adminToken! });
const noHub = (): Record<string, string> => ({ ...cli.env, WATCHFLOOR_HUB: 'http://127.0.0.1:9' });

function expectInert(text: string): void {
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
}

beforeAll(async () => {
  dir = playbookDir();
  dir.write(
    'hostile.yaml',
    minimalPlaybook('hostile').replace('title: { en: Gate check, ar: فحص البوابة }', `title: { en: "Gate ${ATTACK_YAML}", ar: "بوابة ${ATTACK_YAML}" }`),
  );
  hub = await startFixtureHub({ playbooksDir: dir.dir });
  cli = cliEnv();
});

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
  dir?.remove();
});

describe('playbook validate, with no hub', () => {
  it('passes every built-in playbook (exit 0)', async () => {
    const r = await runCli(['playbook', 'validate', join(ROOT, 'playbooks')], noHub());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(7);
    for (const line of r.stdout.trim().split('\n')) expect(line).toMatch(/\.yaml: ok \([a-z-]+ v\d+\)$/);
    expect(r.stderr).toBe('');
  });

  it('exits 2 with one line per problem: file, line, field', async () => {
    const bad = dir.write('bad-timeout.yaml', minimalPlaybook('bad', '    timeout: 30x\n    onFailure: { goto: nowhere }\n'));
    const r = await runCli(['playbook', 'validate', bad, join(ROOT, 'playbooks', 'egate-bank-failure.yaml')], noHub());
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([`${join(ROOT, 'playbooks', 'egate-bank-failure.yaml')}: ok (egate-bank-failure v1)`, `${bad}:13: steps[0].timeout: a duration like 30s, 5m, 2h or 1d`]);
    expect(r.stderr).toMatch(/^watchfloor: 1 problem in 1 file: not loadable as they are\n/);
  });

  it('with --json the check is the data; the error follows on stderr', async () => {
    const r = await runCli(['playbook', 'validate', join(dir.dir, 'missing.yaml'), '--json'], noHub());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ playbooks: [], errors: [{ file: join(dir.dir, 'missing.yaml'), line: null, field: null, message: 'cannot read it: no such file' }] });
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: 'usage' } });
  });

  it('a file name from outside is printed inert', async () => {
    const name = dir.write(`x${'\x1b'}[2J.yaml`, 'id: [');
    const r = await runCli(['playbook', 'validate', name], noHub());
    expect(r.code).toBe(2);
    expectInert(r.stdout);
    expect(r.stdout).toContain('x\u241b[2J.yaml:');
  });
});

describe('playbook schema', () => {
  it('prints the published schema exactly', async () => {
    const r = await runCli(['playbook', 'schema'], noHub());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'docs', 'playbook.schema.json'), 'utf8'));
  });
});

describe('reading the hub’s playbooks', () => {
  it('list: one tab-separated line each, piped; titles in the language asked for', async () => {
    const en = await runCli(['playbook', 'list'], env());
    expect(en.code, en.stderr).toBe(0);
    const egate = en.stdout.split('\n').find((l) => l.startsWith('egate-bank-failure\t'))!;
    expect(egate.split('\t')).toEqual(['egate-bank-failure', 'E-gate bank failure at an airport', 'sev2', '1', 'asset.kind=egate site.kind=air severity=sev1|sev2', 'built-in']);
    const ar = await runCli(['playbook', 'list', '--lang', 'ar'], env());
    expect(ar.stdout).toContain('تعطل مجموعة من البوابات الإلكترونية في مطار');
  });

  it('list --json: the documented shape', async () => {
    const r = await runCli(['playbook', 'list', '--json'], env());
    const { playbooks } = JSON.parse(r.stdout) as { playbooks: Record<string, unknown>[] };
    expect(playbooks).toHaveLength(8);
    expect(Object.keys(playbooks[0]!)).toEqual(['id', 'version', 'title', 'description', 'severity', 'scope', 'triggers', 'auto', 'source', 'hash', 'steps', 'drillOnlySteps']);
  });

  it('show: the steps as a readable list, inject steps marked drill only', async () => {
    const r = await runCli(['playbook', 'show', 'national-platform-outage'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('   1. drill-platform-down  inject (drill only)  Drill: the platform stops answering for ten minutes');
    expect(r.stdout).toContain('drill only (a run that is not a drill never injects): fault upstream-outage on ${asset} for 10m');
    expect(r.stdout).toContain('   9. fleet-offline  set-mode  Every site to offline processing\n      every site to offline-processing\n      done within 15m · milestone');
    expect(r.stdout).toContain('approved by supervisor\n');
    expect(r.stdout).toContain('until ${asset} is ok');
    expect(r.stdout).toContain('timeout 12h → pause for a person');
    expect(r.stdout).toContain('1 inject step: drill only; a run that is not a drill never injects faults');
  });

  it('show --json: the summary and the definition', async () => {
    const r = await runCli(['playbook', 'show', 'network-intrusion', '--json'], env());
    const { playbook } = JSON.parse(r.stdout) as { playbook: { id: string; definition: { steps: { 'two-person'?: boolean }[] } } };
    expect(playbook.id).toBe('network-intrusion');
    expect(playbook.definition.steps.filter((s) => s['two-person'])).toHaveLength(2);
  });

  it('show of an unknown id exits 4 with the nearest', async () => {
    const r = await runCli(['playbook', 'show', 'terminal-evacuaton'], env());
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('did you mean terminal-evacuation?');
  });

  it('history: the versions the hub has loaded, the current one marked', async () => {
    const r = await runCli(['playbook', 'history', 'land-link-failover'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\t').slice(0, 1).concat(r.stdout.trim().split('\t').slice(3))).toEqual(['*2', 'built-in', '-']);
    const json = JSON.parse((await runCli(['playbook', 'history', 'land-link-failover', '--json'], env())).stdout);
    expect(json).toEqual({ playbookId: 'land-link-failover', versions: [{ version: 2, hash: expect.any(String), source: 'built-in', firstSeenAt: expect.any(String), current: true, runs: [] }] });
  });

  it('outside text in an operator’s playbook is inert on screen, exact in --json', async () => {
    for (const args of [['playbook', 'list'], ['playbook', 'show', 'hostile'], ['playbook', 'show', 'hostile', '--lang', 'ar']]) {
      const r = await runCli(args, env());
      expect(r.code, r.stderr).toBe(0);
      expectInert(r.stdout);
      expect(r.stdout).toContain('\u241b]0;PWNED\u2407\u241b[2J \\u202egnp.exe');
    }
    const json = JSON.parse((await runCli(['playbook', 'show', 'hostile', '--json'], env())).stdout);
    expect(json.playbook.title.en).toBe(`Gate ${ATTACK}`);
  });

  it('the hub cannot be reached: exit 3', async () => {
    expect((await runCli(['playbook', 'list'], noHub())).code).toBe(3);
  });
});

describe('incidents show', () => {
  it('lists the playbooks the incident calls for, in text and --json', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'gates', severity: 'sev2', siteId: 'RUH', assetId: 'RUH/egate-08' });
    const text = await runCli(['incidents', 'show', incident.id], env());
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('\nproposed playbooks\n  egate-bank-failure  E-gate bank failure at an airport  (matched asset.kind=egate site.kind=air severity=sev1|sev2)');
    const json = JSON.parse((await runCli(['incidents', 'show', incident.id, '--json'], env())).stdout);
    expect(json.playbooks.map((p: { playbook: { id: string } }) => p.playbook.id)).toEqual(['egate-bank-failure', 'hostile']);
    expect(json.playbooks[0].trigger).toEqual({ index: 0, match: { 'asset.kind': 'egate', 'site.kind': 'air', severity: ['sev1', 'sev2'] } });
  });
});
