// Loading playbooks from directories: the built-ins, the operator's own
// beside them (an id of a built-in replaces it), a malformed file that costs
// only itself, and two files that claim one id.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { formatPlaybookError } from '../../src/core/playbook-file-errors.js';
import { builtinPlaybooksDir, loadPlaybooks } from '../../src/hub/playbooks/loader.js';
import { checkPlaybookFiles } from '../../src/hub/playbooks/playbook-files.js';
import { minimalPlaybook, playbookDir, type PlaybookDir } from './playbook-text.js';

const BUILT_INS = [
  'egate-bank-failure',
  'hajj-umrah-surge',
  'land-link-failover',
  'national-platform-outage',
  'network-intrusion',
  'sea-port-power-failure',
  'terminal-evacuation',
];

let dir: PlaybookDir;
beforeEach(() => {
  dir = playbookDir();
});
afterEach(() => dir.remove());

describe('the built-in playbooks', () => {
  it('all load, from the package, named by where they sit in it', () => {
    const load = loadPlaybooks();
    expect(load.errors.map(formatPlaybookError)).toEqual([]);
    expect(load.entries.map((e) => e.definition.id).sort()).toEqual(BUILT_INS);
    expect(new Set(load.entries.map((e) => e.source))).toEqual(new Set(['built-in']));
    expect(load.counts).toEqual({ builtIn: BUILT_INS.length, operator: 0 });
  });

  it('each has drill targets, drill-only inject steps and text in both languages', () => {
    for (const { definition: d } of loadPlaybooks().entries) {
      expect(d.targets.firstAction, d.id).toBeDefined();
      expect(d.targets.recovery, d.id).toBeDefined();
      expect(d.steps.some((s) => s.type === 'inject'), d.id).toBe(true);
      expect(d.steps.some((s) => s.milestone), d.id).toBe(true);
      // Arabic text is Arabic, not English copied over.
      for (const text of [d.title, d.description, ...d.steps.map((s) => s.title)]) expect(text.ar, `${d.id}: ${text.en}`).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('the intrusion playbook isolates only after a two-person approval', () => {
    const steps = loadPlaybooks().entries.find((e) => e.definition.id === 'network-intrusion')!.definition.steps;
    const isolate = steps.findIndex((s) => s.type === 'set-mode' && s.mode === 'network-isolated');
    const approval = steps.slice(0, isolate).filter((s) => s.type === 'approval').at(-1);
    expect(approval).toMatchObject({ type: 'approval', 'two-person': true });
  });

  it('the national-platform playbook takes the whole fleet offline and back', () => {
    const steps = loadPlaybooks().entries.find((e) => e.definition.id === 'national-platform-outage')!.definition.steps;
    const modes = steps.flatMap((s) => (s.type === 'set-mode' ? [`${s.site}:${s.mode}`] : []));
    expect(modes).toEqual(['fleet:offline-processing', 'fleet:normal']);
    const waitForPlatform = steps.findIndex((s) => s.type === 'wait' && s.until && 'assetHealth' in s.until && s.until.assetHealth.is === 'ok');
    expect(waitForPlatform).toBeGreaterThan(steps.findIndex((s) => s.type === 'set-mode' && s.mode === 'offline-processing'));
    expect(waitForPlatform).toBeLessThan(steps.findIndex((s) => s.type === 'set-mode' && s.mode === 'normal'));
  });

  it('the built-ins directory is the package’s own', () => {
    expect(builtinPlaybooksDir()).toBe(join(import.meta.dirname, '..', '..', 'playbooks'));
  });
});

describe("the operator's directory", () => {
  it('loads beside the built-ins; a file with a built-in’s id replaces it', () => {
    const mine = dir.write('egate.yaml', minimalPlaybook('egate-bank-failure'));
    dir.write('gate-check.yml', minimalPlaybook('gate-check'));
    dir.write('README.md', '# not a playbook');
    const load = loadPlaybooks({ operatorDir: dir.dir });
    expect(load.errors).toEqual([]);
    const byId = new Map(load.entries.map((e) => [e.definition.id, e]));
    expect(byId.get('egate-bank-failure')).toMatchObject({ source: mine, definition: { title: { en: 'Gate check' } } });
    expect(byId.get('gate-check')!.source).toBe(join(dir.dir, 'gate-check.yml'));
    expect(load.entries.filter((e) => e.definition.id === 'egate-bank-failure')).toHaveLength(1);
    expect(load.replaced).toEqual([{ id: 'egate-bank-failure', file: mine }]);
    expect(load.counts).toEqual({ builtIn: BUILT_INS.length - 1, operator: 2 });
  });

  it('a malformed file never stops the others: each bad file is reported, the good ones load', () => {
    dir.write('a-good.yaml', minimalPlaybook('first'));
    dir.write('b-broken.yaml', 'id: x\n  nested: [\n');
    dir.write('c-bad-timeout.yaml', minimalPlaybook('third', '    timeout: soon\n'));
    mkdirSync(join(dir.dir, 'd-a-directory.yaml'));
    dir.write('e-good.yaml', minimalPlaybook('fifth'));
    const load = loadPlaybooks({ operatorDir: dir.dir });
    expect(load.entries.filter((e) => e.source !== 'built-in').map((e) => e.definition.id)).toEqual(['first', 'fifth']);
    const files = load.errors.map((e) => e.file.slice(dir.dir.length + 1));
    expect(new Set(files)).toEqual(new Set(['b-broken.yaml', 'c-bad-timeout.yaml', 'd-a-directory.yaml']));
    expect(load.errors.map(formatPlaybookError)).toContain(`${join(dir.dir, 'c-bad-timeout.yaml')}:13: steps[0].timeout: a duration like 30s, 5m, 2h or 1d`);
    expect(load.errors.map(formatPlaybookError)).toContain(`${join(dir.dir, 'd-a-directory.yaml')}: not a file`);
  });

  it('two files with one id: the first (by name) loads, the second is an error at its id', () => {
    dir.write('a.yaml', minimalPlaybook('twin'));
    const second = dir.write('b.yaml', `# the same id\n${minimalPlaybook('twin')}`);
    const load = loadPlaybooks({ operatorDir: dir.dir });
    expect(load.entries.filter((e) => e.definition.id === 'twin').map((e) => e.source)).toEqual([join(dir.dir, 'a.yaml')]);
    expect(load.errors.map(formatPlaybookError)).toEqual([`${second}:2: id: "twin" is already the id of ${join(dir.dir, 'a.yaml')}`]);
  });

  it('a directory that is not there is a usage error, not an empty catalogue', () => {
    expect(() => loadPlaybooks({ operatorDir: join(dir.dir, 'missing') })).toThrow(UsageError);
    expect(() => loadPlaybooks({ operatorDir: join(dir.dir, 'missing') })).toThrow(/does not exist/);
  });
});

describe('checking files (playbook validate)', () => {
  it('takes files and directories (a file named twice is read once); duplicate ids across them are errors', () => {
    const a = dir.write('a.yaml', minimalPlaybook('one'));
    const b = dir.write('b.yaml', minimalPlaybook('one'));
    const result = checkPlaybookFiles([a, dir.dir, join(dir.dir, 'missing.yaml')]);
    expect(result.playbooks).toEqual([{ file: a, id: 'one', version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(result.errors.map(formatPlaybookError)).toEqual([
      `${b}:1: id: "one" is already the id of ${a}`,
      `${join(dir.dir, 'missing.yaml')}: cannot read it: no such file`,
    ]);
  });
});
