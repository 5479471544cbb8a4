// The hub's early warning on a fixed clock over a synthetic history: the job
// opens one `predicted` incident for a port about to overrun (sev3, the
// prediction in its labels and timeline, the surge playbook proposed), updates
// it when the prediction changes materially, resolves it itself when the
// forecast no longer sees the breach, and leaves a silenced site alone (the
// silence records what it took, as for alerts). Confirmation and clearing
// delays are 0 here (the reports jump hours); predicted-incident.test.ts has them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import type { Incident } from '../../../src/core/model.js';
import { waitUntil } from '../../helpers/wait-until.js';
import type { FixtureHub } from '../hub-fixture.js';
import { firstReports, report, startWarningHub } from './early-warning-fleet.js';

let hub: FixtureHub;
let officer: CoreClient;
let intake: CoreClient;
let predicted: (siteId: string) => Promise<Incident[]>;

beforeAll(async () => {
  ({ hub, officer, intake, predicted } = await startWarningHub({ everyMs: 100, hours: 4, confirmMinutes: 0, clearMinutes: 0 }));
});

afterAll(async () => {
  await hub?.stop();
});

describe('predicted incidents', () => {
  it('opens one for the port predicted to overrun, skips the silenced one, updates it when the prediction moves, resolves it when it clears', async () => {
    const silence = await officer.addSilence({ siteId: 'LND-B', for: '2h', reason: 'LND-B closed for works' });
    await intake.ingestTelemetry(firstReports());

    const [opened] = await waitUntil(async () => (await predicted('LND-A')).length > 0 && predicted('LND-A'), { what: 'a predicted incident at LND-A', timeoutMs: 20_000 });
    expect(opened).toMatchObject({ source: 'predicted', severity: 'sev3', state: 'triggered', title: 'Predicted wait over 30 min at LND-A', fingerprint: 'predicted:LND-A' });
    expect(opened!.labels).toMatchObject({ alertname: 'PredictedWaitBreach', breachAt: '2026-11-29T10:00:00.000Z', countersAdvised: '12', officersShort: '4' });
    expect(Number(opened!.labels.worstWaitMinutes)).toBeGreaterThan(90);
    const detail = await officer.getIncident(opened!.id);
    expect(detail.timeline[0]!.text).toContain('predicted wait over 30 min from 10:00 UTC for 4 h');
    expect(detail.timeline[0]!.text).toContain('move 2 from SC-NEAR (15 km), 2 from SC-MID (75 km)');
    expect(detail.playbooks?.map((p) => p.playbook.id)).toContain('hajj-umrah-surge');
    // LND-B overruns as badly, but a silence holds the site: no incident, and the silence shows what it took.
    expect(await predicted('LND-B')).toEqual([]);
    expect((await officer.silencedAlerts(silence.id)).map((a) => a.fingerprint)).toEqual(['predicted:LND-B']);

    // Three hours on (the site's clock), more arrive — beyond the forecast's interval (±50 % with no errors to take it
    // from), so more counters are advised now — the same incident, updated once.
    await intake.ingestTelemetry([report('LND-A', '13:10', { arrivalsPerHour: 1500, countersOpen: 8, officersOnDuty: 8, queueLength: 1200, waitMinutes: 100 })]);
    const updated = await waitUntil(async () => (await predicted('LND-A')).find((i) => i.labels.countersAdvised !== '12'), { what: 'the prediction updated', timeoutMs: 20_000 });
    expect(updated).toMatchObject({ id: opened!.id, state: 'triggered' });
    const afterUpdate = await officer.getIncident(opened!.id);
    const updates = afterUpdate.timeline.filter((t) => t.kind === 'alert-updated');
    expect(updates).toHaveLength(1);
    // The worst wait moved more than the counters: the update says which changed first.
    expect(updates[0]!.text).toMatch(/^(the worst wait is now [\d.]+ min \(was [\d.]+ min\)|\d+ counters advised now \(was 12\))/);
    expect(await predicted('LND-A')).toHaveLength(1);

    // The flow falls back: nothing predicted over target, so the hub closes it itself.
    await intake.ingestTelemetry([report('LND-A', '16:10', { arrivalsPerHour: 300, countersOpen: 8, officersOnDuty: 8 })]);
    const resolved = await waitUntil(async () => (await predicted('LND-A')).find((i) => i.state === 'resolved'), { what: 'the predicted incident resolved', timeoutMs: 20_000 });
    expect(resolved).toMatchObject({ id: opened!.id, resolvedBy: { id: 'system' } });
    const closed = await officer.getIncident(opened!.id);
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'resolved' });
    expect(closed.timeline.at(-1)!.text).toContain('closed automatically: the forecast no longer predicts a wait over target');
    const audit = (await hub.admin.listAudit({ limit: 500 })).filter((e) => e.target === opened!.id).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['incident.create', 'incident.predicted-update', 'incident.resolve']));
  });
});
