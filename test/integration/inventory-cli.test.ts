// Issue 13's done-when for the inventory: the built CLI against a real hub on
// a free port — three sites with dependencies applied to an empty hub, a
// change planned (shown exactly) and applied twice (the second time: nothing),
// a site with open incidents refused unless forced, export round-tripping, and
// a real-shaped Alertmanager webhook routed to its asset by the mapping's regex.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const THREE_SITES = join(FIXTURES, 'inventory', 'three-sites.yaml');

let hub: TestHub;
let admin: CoreClient;
let cli: CliEnv;
let viewerSecret = '';

const wf = (args: string[], token = hub.adminToken) => runCli(args, { ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: token });
const file = (name: string, text: string) => {
  const path = join(cli.configDir, name);
  writeFileSync(path, text);
  return path;
};

/** The three-site file with JED's gate given a management URL, a gate added at RUH, and the link dependency dropped. */
function changedInventory(): string {
  return readFileSync(THREE_SITES, 'utf8')
    .replace('    dependsOn: [platform/visa, RUH/link-01]', '    dependsOn: [platform/visa]')
    .replace('    name: E-gate 01\n    dependsOn: [platform/visa]', '    name: E-gate 01\n    managementUrl: https://jed-egate-01.border.local:8443\n    dependsOn: [platform/visa]')
    .replace('    city: Al Batha\n', '    city: Al Batha\n    staff: 40\n')
    .replace('assets:\n', 'assets:\n  - { id: RUH/egate-02, site: RUH, kind: egate, name: E-gate 02, dependsOn: [RUH/link-01] }\n');
}

beforeAll(async () => {
  hub = await startTestHub();
  cli = cliEnv();
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  viewerSecret = (await admin.createToken({ name: 'wall', role: 'viewer' })).secret;
});

afterAll(async () => {
  await admin?.close();
  await hub?.stop();
  cli?.cleanup();
});

describe('inventory as code, through the CLI', () => {
  it('an empty hub: status says how to load an inventory', async () => {
    const r = await wf(['status']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('watchfloor inventory apply');
  });

  it('applies three sites with dependencies to an empty hub', async () => {
    const plan = await wf(['inventory', 'plan', THREE_SITES]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('+ site RUH  King Khalid International Airport (air, Riyadh, Riyadh)');
    expect(plan.stdout).toContain('+ dependency RUH/egate-01 → RUH/link-01');
    expect(plan.stdout).toContain('Plan: 11 to add, 1 to change, 0 to remove.');

    const applied = await wf(['inventory', 'apply', THREE_SITES]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied: 11 added, 1 changed, 0 removed.');
    expect((await admin.listSites()).map((s) => s.id)).toEqual(['JED', 'LND-BATHA', 'RUH']);
    expect((await admin.exportInventory()).assets.find((a) => a.id === 'RUH/egate-01')?.dependsOn).toEqual(['platform/visa', 'RUH/link-01']);
  });

  it('plans a change exactly, and applies it twice: the second time changes nothing and says so', async () => {
    const changed = file('changed.yaml', changedInventory());
    const plan = await wf(['inventory', 'plan', changed]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toBe(
      [
        '~ site LND-BATHA',
        '    staff: 0 → 40',
        '+ asset RUH/egate-02  egate "E-gate 02" at RUH',
        '~ asset JED/egate-01',
        '    managementUrl: null → "https://jed-egate-01.border.local:8443"',
        '+ dependency RUH/egate-02 → RUH/link-01',
        '- dependency RUH/egate-01 → RUH/link-01',
        '',
        'Plan: 2 to add, 2 to change, 1 to remove.',
        '',
      ].join('\n'),
    );
    expect((await wf(['inventory', 'plan', changed, '--exit-code'])).code).toBe(1);

    const auditBefore = (await admin.listAudit()).filter((r) => r.action === 'inventory.apply').length;
    const first = await wf(['inventory', 'apply', changed, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ applied: true, plan: { changes: true } });
    const second = await wf(['inventory', 'apply', changed]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('No changes: the hub already matches this inventory; nothing applied.\n');
    expect((await wf(['inventory', 'plan', changed, '--exit-code'])).code).toBe(0);
    const audits = (await admin.listAudit()).filter((r) => r.action === 'inventory.apply');
    expect(audits).toHaveLength(auditBefore + 1);
    expect(audits.at(-1)!.detail).toMatchObject({ files: [changed], sites: { add: 0, change: 1, remove: 0 }, assets: { add: 1, change: 1, remove: 0 } });
  });

  it('routes a real-shaped Alertmanager webhook to its asset by the instance label', async () => {
    const intake = await admin.createToken({ name: 'alertmanager', role: 'intake' });
    const alertmanager = new CoreClient({ hubUrl: hub.url, token: intake.secret });
    const webhook = JSON.parse(readFileSync(join(FIXTURES, 'alertmanager-v4-firing.json'), 'utf8'));
    // node_exporter's labels, as an existing Prometheus sends them: no site or asset label.
    const labels = { alertname: 'NodeDown', severity: 'critical', job: 'node', instance: 'ruh-egate-01.border.local:9100' };
    webhook.commonLabels = labels;
    webhook.alerts[0].labels = labels;
    webhook.alerts[0].fingerprint = 'a1b2c3d4e5f60718';
    try {
      const result = await alertmanager.ingestAlertmanager(webhook);
      expect(result.created).toHaveLength(1);
      const { incident } = await admin.getIncident(result.created[0]!);
      expect(incident).toMatchObject({ siteId: 'RUH', assetId: 'RUH/egate-01' });
    } finally {
      await alertmanager.close();
    }
  });

  it('refuses removing a site with open incidents unless forced', async () => {
    const { incident: open } = await admin.createIncident({ title: 'JED gates slow', severity: 'sev3', siteId: 'JED' });
    const withoutJed = file('without-jed.yaml', changedInventory()
      .replace(/  - id: JED\n[\s\S]*?lon: 39.1565\n/, '')
      .replace(/  - id: JED\/egate-01\n[\s\S]*?dependsOn: \[platform\/visa\]\n/, ''));
    const plan = await wf(['inventory', 'plan', withoutJed]);
    expect(plan.stdout).toContain(`- site JED  (open incidents: ${open.id})`);
    const refused = await wf(['inventory', 'apply', withoutJed]);
    expect(refused.code).toBe(5);
    expect(refused.stderr).toContain(`removing site JED would orphan open incidents ${open.id}`);
    expect(refused.stderr).toContain('--force');
    expect((await admin.listSites()).map((s) => s.id)).toContain('JED');

    const forced = await wf(['inventory', 'apply', withoutJed, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Applied: 0 added, 0 changed, 3 removed.');
    expect((await admin.listSites()).map((s) => s.id)).toEqual(['LND-BATHA', 'RUH']);
    expect((await admin.listAudit()).at(-1)).toMatchObject({ action: 'inventory.apply', detail: { forced: true, openIncidents: [open.id], removedSites: ['JED'] } });
  });

  it('exports what it holds: planning the export shows no changes, in YAML and JSON', async () => {
    for (const format of ['yaml', 'json']) {
      const exported = await wf(['inventory', 'export', '--format', format]);
      expect(exported.code).toBe(0);
      const path = file(`exported.${format}`, exported.stdout);
      const plan = await wf(['inventory', 'plan', path]);
      expect(plan.stdout).toBe('No changes: the hub already matches this inventory.\n');
    }
  });

  it('names file, line and field for each problem, and applies nothing', async () => {
    const bad = file('bad.yaml', [
      'sites:',
      '  - id: RUH',
      '    name: { en: Riyadh, ar: الرياض }',
      '    kind: airport',
      '    region: Riyadh',
      '    city: Riyadh',
      '    lat: 24.9',
      '    lon: 46.7',
      'assets:',
      '  - { id: RUH/egate-01, site: DMM, kind: egate, name: Gate }',
      '  - { id: RUH/egate-02, site: RUH, kind: egate, name: Gate, dependsOn: [RUH/egate-03] }',
      '',
    ].join('\n'));
    const r = await wf(['inventory', 'apply', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:4: sites[0].kind: "airport" is not one of air, land, sea, service-centre, contact-centre`);
    const cycle = file('cycle.yaml', [
      'assets:',
      '  - { id: RUH/egate-01, site: RUH, kind: egate, name: Gate, dependsOn: [RUH/egate-02] }',
      '  - { id: RUH/egate-02, site: DMM, kind: egate, name: Gate, dependsOn: [RUH/egate-01] }',
      '',
    ].join('\n'));
    const c = await wf(['inventory', 'plan', cycle]);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${cycle}:3: assets[1].site: no site DMM at the hub`);
    expect(c.stderr).toContain(`${cycle}:3: assets[1].dependsOn[0]: a cycle: RUH/egate-01 → RUH/egate-02 → RUH/egate-01`);
    expect((await admin.listSites()).map((s) => s.id)).toEqual(['LND-BATHA', 'RUH']);
  });

  it('shows names from a file inert: an escape sequence or a bidi override cannot drive the terminal', async () => {
    const hostile = file('hostile.yaml', [
      'sites:',
      '  - id: EVIL',
      '    name: { en: "Evil\\e]0;pwned\\a\\e[2J", ar: شر }',
      '    kind: land',
      '    region: "\\u202eNowhere"',
      '    city: Nowhere',
      '    lat: 1',
      '    lon: 1',
      '',
    ].join('\n'));
    const r = await wf(['inventory', 'plan', hostile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+ site EVIL  Evil␛]0;pwned␇␛[2J (land, \\u202eNowhere, Nowhere)');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    // As data, --json keeps the name as it is.
    expect(JSON.parse((await wf(['inventory', 'plan', hostile, '--json'])).stdout).plan.sites.add[0].name.en).toBe('Evil\u001b]0;pwned\u0007\u001b[2J');
  });

  it('is for admins: a viewer is refused (exit 6)', async () => {
    const r = await wf(['inventory', 'apply', THREE_SITES], viewerSecret);
    expect(r.code).toBe(6);
    expect((await admin.listSites()).map((s) => s.id)).toEqual(['LND-BATHA', 'RUH']);
  });
});
