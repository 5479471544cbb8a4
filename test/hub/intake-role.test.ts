// Intake is a role of its own: an intake token feeds alerts and telemetry
// and does nothing else, and no person's token can feed them — else posting
// a resolved alert or `severity: critical` would be a way round the rules
// that refuse an officer a direct resolve or escalate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ForbiddenError } from '../../src/core/errors.js';
import type { Role } from '../../src/core/model.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let intake: CoreClient & { secret: string };
let officer: CoreClient;

const alert = (fingerprint: string, status: 'firing' | 'resolved', severity = 'warning') => ({
  alerts: [{ status, labels: { alertname: 'GateDown', site: 'RUH', asset: 'RUH/egate-07', severity }, fingerprint }],
});

beforeAll(async () => {
  hub = await startFixtureHub();
  intake = await hub.clientAs('intake', 'alertmanager');
  officer = await hub.clientAs('officer', 'officer-b');
});

afterAll(async () => {
  await hub?.stop();
});

async function forbidden(call: Promise<unknown>): Promise<ForbiddenError> {
  const err = await call.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ForbiddenError);
  return err as ForbiddenError;
}

describe('intake writes are no way round the role rules', () => {
  it('an officer refused a resolve cannot resolve by posting the resolved alert', async () => {
    const [id] = (await intake.ingestAlertmanager(alert('fp-resolve-bypass', 'firing'))).created as [string];
    const before = (await hub.admin.getIncident(id)).incident;
    await forbidden(officer.resolve(id, 'cleared'));
    const err = await forbidden(officer.ingestAlertmanager(alert('fp-resolve-bypass', 'resolved')));
    expect(err.message).toContain('intake');
    expect(err.hint).toContain('--role intake');
    expect((await hub.admin.getIncident(id)).incident).toEqual(before);
  });

  it('an officer refused an escalate cannot raise sev3 to sev1 by posting severity critical', async () => {
    const [id] = (await intake.ingestAlertmanager(alert('fp-escalate-bypass', 'firing'))).created as [string];
    await forbidden(officer.escalate(id, 'busy'));
    await forbidden(officer.ingestAlertmanager(alert('fp-escalate-bypass', 'firing', 'critical')));
    expect((await hub.admin.getIncident(id)).incident).toMatchObject({ severity: 'sev3', version: 1 });
  });

  it.each(['viewer', 'officer', 'supervisor', 'admin'] as Role[])('a %s token cannot ingest alerts or telemetry', async (role) => {
    const person = role === 'admin' ? hub.admin : await hub.clientAs(role, `person-${role}`);
    const auditBefore = (await hub.admin.listAudit({ limit: 10_000 })).length;
    await forbidden(person.ingestAlertmanager(alert(`fp-${role}`, 'firing')));
    await forbidden(person.ingestTelemetry([]));
    expect(await hub.admin.listIncidents({ state: 'open' })).not.toContainEqual(expect.objectContaining({ fingerprint: `fp-${role}` }));
    expect(await hub.admin.listAudit({ limit: 10_000 })).toHaveLength(auditBefore);
  });

  it('an intake token ingests and does nothing else, not even read', async () => {
    const res = await rawRequest(`${hub.url}/v1/ingest/telemetry`, {
      method: 'POST',
      token: intake.secret,
      body: JSON.stringify({ sites: [] }),
    });
    expect(res.status).toBe(200);
    const [id] = (await intake.ingestAlertmanager(alert('fp-intake-only', 'firing'))).created as [string];
    const refused = [
      intake.whoami(),
      intake.fleetStatus(),
      intake.listIncidents(),
      intake.getIncident(id),
      intake.ack(id),
      intake.resolve(id, 'x'),
      intake.createIncident({ title: 'x', severity: 'sev4' }),
      intake.listTokens(),
    ];
    for (const call of refused) expect((await forbidden(call)).message).toContain('intake');
    expect((await hub.admin.getIncident(id)).incident).toMatchObject({ state: 'triggered', version: 1 });
  });

  it('an intake token cannot act for a chat user either', async () => {
    const res = await rawRequest(`${hub.url}/v1/ingest/telemetry`, {
      method: 'POST',
      token: intake.secret,
      body: JSON.stringify({ sites: [] }),
      headers: { 'x-watchfloor-on-behalf-of': 'slack:U0SARA (Sara)' },
    });
    expect(res.status).toBe(403);
  });

  it('the demo simulator gets an intake token', async () => {
    const simulator = (await hub.admin.listTokens()).filter((t) => t.name === 'demo-simulator' && !t.revokedAt);
    expect(simulator).toEqual([expect.objectContaining({ role: 'intake' })]);
  });
});
