// A playbook file's text → its definition, or each problem with file, line
// and field: YAML syntax, the schema, and every check the schema cannot make.
import { describe, expect, it } from 'vitest';
import { formatPlaybookError } from '../../src/core/playbook-file-errors.js';
import { parsePlaybook } from '../../src/hub/playbooks/parse-playbook.js';
import { minimalPlaybook } from './playbook-text.js';

const FILE = 'playbooks/egate.yaml';
const lines = (text: string) => parsePlaybook(text, FILE).errors.map(formatPlaybookError);

describe('a good file', () => {
  it('gives its definition with defaults filled and no errors', () => {
    const parsed = parsePlaybook(minimalPlaybook(), FILE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.definition).toMatchObject({ id: 'gate-check', version: 1, auto: false, inputs: [], scope: {}, targets: {} });
    expect(parsed.definition!.steps[0]).toMatchObject({ type: 'diagnose', target: '${asset}' });
    expect(parsed.idLine).toBe(1);
  });
});

describe('YAML that is not well formed', () => {
  it('names the line of the syntax error and goes no further', () => {
    expect(lines('id: x\nsteps:\n  - id: a\n    bad: [1, 2\nversion: 1\n')).toEqual([
      `${FILE}:5: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });

  it('refuses a key written twice, on the second', () => {
    expect(lines(`${minimalPlaybook()}version: 2\n`)).toEqual([`${FILE}:13: Map keys must be unique`]);
  });

  it('an empty file, a list and a bare word are not playbooks', () => {
    expect(lines('')).toEqual([`${FILE}: empty: a playbook is a mapping of id, version, title, description, severity and steps`]);
    expect(lines('# only a comment\n')).toEqual([`${FILE}: empty: a playbook is a mapping of id, version, title, description, severity and steps`]);
    expect(lines('- a\n- b\n')).toEqual([`${FILE}:1: a playbook is a mapping (id, version, title, description, severity, steps…), not a list`]);
  });

  it('a file of nested aliases is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    const errors = parsePlaybook(bomb, FILE).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/alias/i);
  });

  it('a file too big to be a playbook is refused before it is parsed', () => {
    expect(lines(`# ${'x'.repeat(300 * 1024)}\n${minimalPlaybook()}`)).toEqual([`${FILE}: larger than 256 KiB: not a playbook`]);
  });
});

describe('the schema, each problem on its own line and field', () => {
  it('a bad duration, as the loader reports it', () => {
    const text = minimalPlaybook('gate-check', '    timeout: 30x\n');
    expect(lines(text)).toEqual([`${FILE}:13: steps[0].timeout: a duration like 30s, 5m, 2h or 1d`]);
  });

  it('every kind of schema problem in one file', () => {
    const text = `id: Gate
version: 0
title: { en: Gate, ar: '' }
description: { en: x, ar: y }
severity: sev9
colour: red
triggers:
  - match: { asset.kinds: egate }
steps:
  - id: a
    type: diagnose
    title: { en: a, ar: b }
  - id: b
    type: reboot
    title: { en: b, ar: b }
  - id: c
    type: notify
    title: { en: c, ar: c }
    message: { en: c, ar: c }
  - id: d
    type: wait
    title: { en: d, ar: d }
    for: 5m
    onFailure: halt
    retries: { count: 20, delay: 1m }
  - id: e
    type: branch
    title: { en: e, ar: e }
    if: { siteWait: { site: RUH, abovex: 3 } }
    then: a
`;
    expect(lines(text)).toEqual([
      `${FILE}:1: id: lower-case letters, digits and dashes, starting with a letter, at most 64`,
      `${FILE}:2: version: must be more than 0`,
      `${FILE}:3: title.ar: cannot be empty`,
      `${FILE}:5: severity: "sev9" is not one of sev1, sev2, sev3, sev4`,
      `${FILE}:6: colour: unknown field`,
      `${FILE}:8: triggers[0].match["asset.kinds"]: a match key: severity, state, site, site.kind, site.region, asset.kind, asset, alertname or labels.NAME`,
      `${FILE}:10: steps[0].target: required`,
      `${FILE}:14: steps[1].type: "reboot" is not a step type; one of diagnose, remediate, notify, assign, approval, checklist, wait, set-mode, inject, branch`,
      `${FILE}:16: steps[2]: exactly one of channel and role`,
      `${FILE}:24: steps[3].onFailure: stop, continue, pause, or { goto: STEP-ID }`,
      `${FILE}:25: steps[3].retries.count: must be at most 10`,
      `${FILE}:29: steps[4].if.siteWait.abovex: unknown field`,
    ]);
  });
});

describe('a required field left out', () => {
  it('is "required", whatever kind of value it takes', () => {
    const text = minimalPlaybook().replace('severity: sev3\n', '').replace('version: 1\n', '');
    expect(lines(text)).toEqual([`${FILE}:1: version: required`, `${FILE}:1: severity: required; one of sev1, sev2, sev3, sev4`]);
  });
});

describe('the checks the schema cannot make', () => {
  const steps = (body: string) => `id: p
version: 1
title: { en: p, ar: p }
description: { en: p, ar: p }
severity: sev2
inputs:
  - { name: gate, type: asset }
  - { name: gate, type: string }
  - { name: site, type: string }
  - { name: wait, type: number, default: soon }
triggers:
  - match: { asset.kind: egates, severity: [sev1, sev7], site.kind: air }
steps:
${body}`;

  it('finds each one, with its line and field', () => {
    const text = steps(`  - id: look
    type: diagnose
    title: { en: "Look at \${gates}", ar: "فحص \${gate}" }
    target: \${gates}
    onFailure: { goto: nowhere }
  - id: look
    type: remediate
    title: { en: fix, ar: إصلاح }
    target: \${incident}
    action: restart
    onTimeout: { goto: look }
  - id: choose
    type: branch
    title: { en: choose, ar: اختيار }
    if: { any: [{ input: { name: missing, equals: 1 } }, { assetHealth: { asset: "\${gate}", is: ok } }] }
    then: fix-it
    else: look
  - id: tell
    type: notify
    title: { en: tell, ar: إبلاغ }
    role: officer
    message: { en: "\${site} has \${unclosed", ar: "\${asset}" }
`);
    expect(lines(text)).toEqual([
      `${FILE}:8: inputs[1].name: input "gate" is declared twice`,
      `${FILE}:9: inputs[2].type: an input named site stands for the run's site: its type must be site`,
      `${FILE}:10: inputs[3].default: not a number`,
      `${FILE}:12: triggers[0].match["asset.kind"]: "egates" is not one of the hub's asset.kind values: egate, counter, passport-reader, biometric-kiosk, kiosk, cctv, bodycam, network-link, server, integration`,
      `${FILE}:12: triggers[0].match.severity[1]: "sev7" is not one of the hub's severity values: sev1, sev2, sev3, sev4`,
      `${FILE}:16: steps[0].title.en: "\${gates}" names no input of this playbook (it may name incident, site, asset, gate, wait)`,
      `${FILE}:17: steps[0].target: "\${gates}" names no input of this playbook (it may name incident, site, asset, gate, wait)`,
      `${FILE}:18: steps[0].onFailure.goto: no step "nowhere" in this playbook`,
      `${FILE}:19: steps[1].id: "look" is already the id of steps[0]`,
      `${FILE}:23: steps[1].action: "restart" is not a device action; one of restart-service, clear-jam, free-storage, resync-clock, renew-certificate, renew-token, recalibrate, failover-link, switch-mode, reboot`,
      `${FILE}:28: steps[2].if.any[0].input.name: no input "missing" in this playbook`,
      `${FILE}:29: steps[2].then: no step "fix-it" in this playbook`,
      `${FILE}:35: steps[3].message.en: a \${ without its closing }`,
    ]);
  });

  it('inject steps are allowed: only drills run them', () => {
    const text = minimalPlaybook('gate-drill', `  - id: break-it
    type: inject
    title: { en: "Drill: jam the gate", ar: "تمرين: انحشار البوابة" }
    asset: \${asset}
    fault: card-reader-jam
    for: 10m
`);
    expect(parsePlaybook(text, FILE).errors).toEqual([]);
  });
});
