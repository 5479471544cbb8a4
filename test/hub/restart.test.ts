// A hub restarted on the same data file keeps everything and mints no new admin.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { UsageError } from '../../src/core/errors.js';
import { startHub } from '../../src/hub/start.js';
import { fixture, fixtureWiring, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub | undefined;

afterAll(async () => {
  await hub?.stop();
});

describe('restart on the same data file', () => {
  it('keeps incidents, tokens and the audit chain; no new admin token; fleet applied once (the same inventory again changes nothing)', async () => {
    const first = await startFixtureHub();
    const adminToken = first.adminToken!;
    const officer = await first.clientAs('officer', 'aisha');
    const intake = await first.clientAs('intake', 'alertmanager');
    const { created } = await intake.ingestAlertmanager(fixture('alertmanager-v4-firing.json'));
    await officer.ack(created[0]!);
    const simulatorToken = (await first.admin.listTokens()).find((t) => t.name === 'demo-simulator' && !t.revokedAt)!;
    const officerSecret = officer.secret;
    await first.closeKeepingData();

    hub = await startFixtureHub({ dir: first.dir, adminToken });
    expect(hub.adminToken).toBeUndefined();
    const { incident, timeline } = await hub.admin.getIncident(created[0]!);
    expect(incident).toMatchObject({ state: 'acknowledged', acknowledgedBy: { name: 'aisha' }, assetId: 'RUH/egate-07' });
    expect(timeline).toHaveLength(2);

    const tokens = await hub.admin.listTokens();
    expect(tokens.filter((t) => t.name === 'bootstrap-admin')).toHaveLength(1);
    // The simulator's token is rotated on every demo start.
    expect(tokens.find((t) => t.id === simulatorToken.id)!.revokedAt).not.toBeNull();
    expect(tokens.filter((t) => t.name === 'demo-simulator' && !t.revokedAt)).toHaveLength(1);

    const again = new CoreClient({ hubUrl: hub.url, token: officerSecret });
    try {
      expect((await again.whoami()).name).toBe('aisha');
    } finally {
      await again.close();
    }

    const audit = await hub.admin.listAudit({ limit: 10_000 });
    expect(audit.filter((e) => e.action === 'inventory.apply')).toHaveLength(1);
    expect(await hub.admin.verifyAudit()).toMatchObject({ ok: true, checked: audit.length });

    // The next incident continues the sequence.
    const { incident: next } = await hub.admin.createIncident({ title: 'After restart', severity: 'sev4' });
    expect(next.id).toBe('INC-000002');
  });

  it('hands the simulator a working intake token for this hub', async () => {
    const { wiring, started, stopped } = fixtureWiring();
    const dir = mkdtempSync(join(tmpdir(), 'wf-demo-'));
    const demo = await startHub({ dataFile: join(dir, 'hub.sqlite'), port: 0, demo: true, seed: 7, speed: 60 }, wiring);
    try {
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ seed: 7, speed: 60 });
      expect(started[0]!.fleet.sites).toHaveLength(3);
      expect(started[0]!.hubUrl).toBe(demo.url);
      const simulator = new CoreClient({ hubUrl: started[0]!.hubUrl, token: started[0]!.token });
      try {
        expect(await simulator.ingestTelemetry([])).toEqual({ accepted: 0 });
        await expect(simulator.whoami()).rejects.toMatchObject({ code: 'forbidden' });
      } finally {
        await simulator.close();
      }
    } finally {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stopped()).toBe(1);
  });

  it('refuses a port that is taken with a usage error', async () => {
    const busy = await startFixtureHub();
    try {
      const err = await startFixtureHub({ port: busy.port }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toContain(String(busy.port));
    } finally {
      await busy.stop();
    }
  });
});
