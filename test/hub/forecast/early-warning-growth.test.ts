// The early warning between its evaluations (early-warning.ts, queue-growth.ts):
// a land port whose reports show its queue growing report on report, on desks
// the queueing model says are enough, is warned of as those reports come — the
// timed evaluation here is an hour apart and has run once, before any report,
// so only the scan of the newest reports can have opened the incident. A port
// whose queue stands as long is not. And a port whose first prompted
// evaluation opens nothing (its breach has yet to hold the confirmation time)
// is evaluated again on a later report of the same growth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import type { Incident, SiteTelemetry } from '../../../src/core/model.js';
import { waitUntil } from '../../helpers/wait-until.js';
import type { FixtureHub } from '../hub-fixture.js';
import { report, startWarningHub } from './early-warning-fleet.js';

let hub: FixtureHub;
let officer: CoreClient;
let intake: CoreClient;
let predicted: (siteId: string) => Promise<Incident[]>;

/** Every 5 minutes from 09:20 (to 10:05 by default): 400 an hour on 8 counters (720 an hour between them), the queue given by the report. */
const run = (siteId: string, queue: (i: number) => number, count = 10): SiteTelemetry[] =>
  Array.from({ length: count }, (_, i) => {
    const minutes = 20 + 5 * i;
    const q = queue(i);
    return report(siteId, `${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`, { arrivalsPerHour: 400, countersOpen: 8, officersOnDuty: 8, queueLength: q, waitMinutes: q / 10 });
  });

beforeAll(async () => {
  ({ hub, officer, intake, predicted } = await startWarningHub({ everyMs: 3_600_000, scanMs: 50, hours: 4, confirmMinutes: 0, clearMinutes: 0 }));
});

afterAll(async () => {
  await hub?.stop();
});

describe('a queue outgrowing its site between evaluations', () => {
  it('opens a predicted incident for the port whose queue grows report on report, none for the one whose queue stands', async () => {
    // LND-A: 60 people at 09:20, 20 more every 5 minutes (240 an hour): 240 waiting at 10:05, 24 minutes.
    // LND-B: 240 waiting all along, as long a wait, no growth.
    const growing = run('LND-A', (i) => 60 + 20 * i);
    const standing = run('LND-B', () => 240);
    for (let i = 0; i < growing.length; i++) await intake.ingestTelemetry([growing[i]!, standing[i]!]);

    const [opened] = await waitUntil(async () => (await predicted('LND-A')).length > 0 && predicted('LND-A'), { what: 'a predicted incident at LND-A', timeoutMs: 20_000 });
    expect(opened).toMatchObject({ source: 'predicted', state: 'triggered', fingerprint: 'predicted:LND-A' });
    // Warned from the first report with 30 minutes of growth behind it (09:50: 180 waiting, 18 minutes, 42 an hour on) or
    // a later one, as the scan caught them: the breach is the hour from 10:00, and 240 more an hour is 3 more counters at 90.
    expect(opened!.labels).toMatchObject({ breachAt: '2026-11-29T10:00:00.000Z', countersAdvised: '11' });
    expect(opened!.labels.asOf! >= '2026-11-29T09:50:00.000Z' && opened!.labels.asOf! <= '2026-11-29T10:05:00.000Z').toBe(true);
    expect(await predicted('LND-B')).toEqual([]);
  });
});

describe('a queue still growing after a prompted evaluation opened nothing', () => {
  let confirming: Awaited<ReturnType<typeof startWarningHub>>;
  beforeAll(async () => {
    // A breach must be predicted for 10 site-minutes before it opens: the first evaluation a growing report prompts waits.
    confirming = await startWarningHub({ everyMs: 3_600_000, scanMs: 50, hours: 4, confirmMinutes: 10, clearMinutes: 0 });
  });
  afterAll(async () => {
    await confirming?.hub.stop();
  });

  it('is prompted again by a newer report of the growth and opens then', async () => {
    // LND-A as above, on to 10:15: growth from the 09:50 report on (the first with 30 minutes of it behind).
    // Each report lands a few scans after the last, so the scan reads them one by one, as a site's come.
    for (const r of run('LND-A', (i) => 60 + 20 * i, 12)) {
      await confirming.intake.ingestTelemetry([r]);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [opened] = await waitUntil(async () => (await confirming.predicted('LND-A')).length > 0 && confirming.predicted('LND-A'), {
      what: 'a predicted incident at LND-A',
      timeoutMs: 20_000,
    });
    // Opened on a report at least the confirmation time after the first one that showed the growth:
    // not by the evaluation that first report prompted, nor by a timed one (an hour apart, run before any report).
    expect(opened).toMatchObject({ source: 'predicted', fingerprint: 'predicted:LND-A' });
    expect(opened!.labels.asOf! >= '2026-11-29T10:00:00.000Z' && opened!.labels.asOf! <= '2026-11-29T10:15:00.000Z').toBe(true);
  });
});
