// A drill may silence what it injects: an inject step with `silence: true`
// silences its asset (the drill's silence, audited), so the fault's alert is
// recorded and opens no incident; the drill's end expires the silence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { fixture } from '../hub/hub-fixture.js';
import { mutableCatalog, playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

const QUIET_DRILL = playbook('quiet-drill', [
  { id: 'break', type: 'inject', asset: 'RUH/egate-01', fault: 'hung-service', silence: true },
  { id: 'look', type: 'checklist', items: [{ en: 'gate seen', ar: 'gate seen (ar)' }] },
]);

let hub: PlaybookHub;
let officer: CoreClient;
let intake: CoreClient;

beforeAll(async () => {
  hub = await startPlaybookHub([], { catalog: mutableCatalog([QUIET_DRILL]), speed: 600 });
  officer = await hub.as('officer', 'omar');
  intake = await hub.as('intake', 'alertmanager');
}, 30_000);

afterAll(async () => {
  await hub?.stop();
});

describe('a drill that silences what it injects', { timeout: 60_000 }, () => {
  it('silences the asset while it runs (no incident, the alert recorded) and the silence ends with the drill', async () => {
    const { run } = await officer.startRun({ playbook: 'quiet-drill', drill: true });
    await runWhen(officer, run.id, 'the checklist', status('waiting', 'checklist'));
    const [silence] = await officer.listSilences();
    expect(silence).toMatchObject({ assetId: 'RUH/egate-01', drillRunId: run.id, state: 'active' });

    const body = fixture('alertmanager-v4-firing.json') as { alerts: { labels: Record<string, string>; fingerprint: string }[] };
    body.alerts[0]!.labels = { ...body.alerts[0]!.labels, site: 'RUH', asset: 'egate-01' };
    body.alerts[0]!.fingerprint = 'quiet-drill-1';
    expect(await intake.ingestAlertmanager(body)).toMatchObject({ created: [], silenced: 1 });

    await officer.abortRun(run.id);
    await runWhen(officer, run.id, 'aborted', (d) => d.run.status === 'aborted');
    expect(await officer.listSilences()).toEqual([]);
    const audit = await hub.admin.listAudit({ limit: 100 });
    expect(audit.filter((e) => e.target === silence!.id).map((e) => e.action).sort()).toEqual(['silence.add', 'silence.expire']);
  });
});
