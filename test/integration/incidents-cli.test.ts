// The foundation's promises, checked end to end: the real hub on a free port,
// the built CLI as child processes, --json output.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { AlertmanagerIngestResult, Incident, IncidentDetail } from '../../src/core/model.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';

const firing = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'alertmanager-v4-firing.json'), 'utf8'));

let hub: TestHub;
let admin: CoreClient;
let cli: CliEnv;
const officers: { name: string; secret: string }[] = [];
let viewerSecret = '';

function envFor(token: string): Record<string, string> {
  return { ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: token };
}

beforeAll(async () => {
  hub = await startTestHub();
  cli = cliEnv();
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  for (let i = 1; i <= 20; i++) {
    const name = `officer-${String(i).padStart(2, '0')}`;
    const created = await admin.createToken({ name, role: 'officer' });
    officers.push({ name, secret: created.secret });
  }
  viewerSecret = (await admin.createToken({ name: 'wall-screen', role: 'viewer' })).secret;
});

afterAll(async () => {
  await admin?.close();
  await hub?.stop();
  cli?.cleanup();
});

describe('an Alertmanager alert, acknowledged by twenty officers at once', () => {
  let incidentId = '';

  it('posted twice, yields one incident', async () => {
    const { secret } = await admin.createToken({ name: 'alertmanager', role: 'intake' });
    const alertmanager = new CoreClient({ hubUrl: hub.url, token: secret });
    let first: AlertmanagerIngestResult;
    let second: AlertmanagerIngestResult;
    try {
      first = await alertmanager.ingestAlertmanager(firing);
      second = await alertmanager.ingestAlertmanager(firing);
    } finally {
      await alertmanager.close();
    }
    expect(first.created).toHaveLength(1);
    expect(second.created).toHaveLength(0);
    expect(second.updated).toEqual(first.created);
    incidentId = first.created[0]!;

    const listed = await runCli(['incidents', 'list', '--state', 'open', '--json'], envFor(hub.adminToken));
    expect(listed.code, listed.stderr).toBe(0);
    const incidents = JSON.parse(listed.stdout).incidents as Incident[];
    const fromAlert = incidents.filter((i) => i.fingerprint === firing.alerts[0].fingerprint);
    expect(fromAlert.map((i) => i.id)).toEqual([incidentId]);
    expect(fromAlert[0]).toMatchObject({ severity: 'sev2', state: 'triggered' });
  });

  it('twenty concurrent `incidents ack` give one success and nineteen exit 5 naming who acked', async () => {
    const results = await Promise.all(
      officers.map((o) => runCli(['incidents', 'ack', incidentId, '--json'], envFor(o.secret), 60_000)),
    );
    const winners = results.filter((r) => r.code === 0);
    const losers = results.filter((r) => r.code === 5);
    expect(winners, results.map((r) => `${r.code} ${r.stderr}`).join('\n')).toHaveLength(1);
    expect(losers).toHaveLength(19);

    const detail = (await admin.getIncident(incidentId)) as IncidentDetail;
    const winnerName = detail.incident.acknowledgedBy!.name;
    expect(officers.map((o) => o.name)).toContain(winnerName);
    for (const l of losers) expect(JSON.parse(l.stderr).error.message).toContain(winnerName);
    expect(detail.timeline.filter((t) => t.kind === 'acknowledged')).toHaveLength(1);
  });

  it('the officer who acked acking again is a no-op: exit 0, no second timeline entry', async () => {
    const detail = await admin.getIncident(incidentId);
    const winner = officers.find((o) => o.name === detail.incident.acknowledgedBy!.name)!;
    const again = await runCli(['incidents', 'ack', incidentId, '--json'], envFor(winner.secret));
    expect(again.code, again.stderr).toBe(0);
    const after = await admin.getIncident(incidentId);
    expect(after.timeline.filter((t) => t.kind === 'acknowledged')).toHaveLength(1);
    expect(after.incident.version).toBe(detail.incident.version);
  });

  it('a viewer token gets exit 6 on ack, and nothing changes', async () => {
    const { incident } = await admin.createIncident({ title: 'Camera offline', severity: 'sev3' });
    const r = await runCli(['incidents', 'ack', incident.id], envFor(viewerSecret));
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/officer/);
    expect((await admin.getIncident(incident.id)).incident.state).toBe('triggered');
  });
});

describe('the audit chain', () => {
  it('verifies, then fails at the row that was edited by hand', async () => {
    const ok = await runCli(['audit', 'verify', '--json'], envFor(hub.adminToken));
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, firstBroken: null });

    const entries = await admin.listAudit({ limit: 1000 });
    const victim = entries.find((e) => e.action === 'incident.ack')!;
    expect(victim).toBeDefined();
    const db = new Database(hub.dataFile);
    try {
      const changed = db
        .prepare('UPDATE audit SET actor_name = ? WHERE seq = ?')
        .run('someone-else', victim.seq).changes;
      expect(changed).toBe(1);
    } finally {
      db.close();
    }

    const broken = await runCli(['audit', 'verify', '--json'], envFor(hub.adminToken));
    expect(broken.code).toBe(1);
    expect(broken.stderr + broken.stdout).toContain(String(victim.seq));
  });
});

describe('with the hub stopped', () => {
  it('every command exits 3 rather than hang, naming the URL it tried', async () => {
    const stopped = await startTestHub();
    const url = stopped.url;
    const token = stopped.adminToken;
    await stopped.stop();
    const env = { ...cli.env, WATCHFLOOR_HUB: url, WATCHFLOOR_TOKEN: token };
    const commands = [
      ['status'],
      ['status', 'RUH'],
      ['sites', 'list'],
      ['incidents', 'list'],
      ['incidents', 'show', 'INC-000001'],
      ['incidents', 'ack', 'INC-000001'],
      ['incidents', 'resolve', 'INC-000001', '--summary', 'fixed'],
      ['tokens', 'list'],
      ['audit', 'verify'],
      ['audit', 'list'],
    ];
    const results = await Promise.all(commands.map((c) => runCli(c, env)));
    results.forEach((r, i) => {
      expect(r.code, `${commands[i]!.join(' ')}: ${r.stderr}`).toBe(3);
      expect(r.stderr).toContain(url);
      // Not a speed goal (that lives in bench/): a refused connection must end the
      // command, not a request timeout; ten CLIs at once on a busy machine take seconds.
      expect(r.ms).toBeLessThan(20_000);
    });
  });
});
