// The selected site's wait trend: the hub's history when the selection
// changes, extended from live reports, never overwritten by a late answer.
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SiteStatus, WaitHistory } from '../../src/core/model.js';
import { minuteOf, seriesFromHistory, trendOf, useWaitTrend, withSample, type WaitHistoryClient } from '../../src/ui/wait-history.js';
import { FLEET } from '../commands/fixtures.js';
import { waitForFrame } from './frames.js';

const NOW = new Date('2026-11-29T02:10:30.000Z');
const minuteAt = (minutesAgo: number) => new Date(Date.parse('2026-11-29T02:10:00.000Z') - minutesAgo * 60_000).toISOString();
const RUH = FLEET.sites.find((s) => s.id === 'RUH')!;
const JED = FLEET.sites.find((s) => s.id === 'JED')!;

describe('trendOf', () => {
  it('lays the series over the window ending in the current minute, with nulls for silent minutes', () => {
    const series = seriesFromHistory({
      siteId: 'RUH',
      samples: [
        { at: minuteAt(9), waitMinutes: 1 }, // before a 5-minute window
        { at: minuteAt(3), waitMinutes: 4 },
        { at: minuteAt(1), waitMinutes: 6 },
      ],
    });
    expect(trendOf(series, NOW, 5)).toEqual({ minutes: 5, values: [null, 4, null, 6, null] });
    expect(trendOf(withSample(series, NOW, 8), NOW, 5).values).toEqual([null, 4, null, 6, 8]);
    expect(trendOf(withSample(withSample(series, NOW, 8), NOW, 9), NOW, 5).values.at(-1)).toBe(9);
    expect(trendOf(undefined, NOW, 3).values).toEqual([null, null, null]);
    expect(minuteOf(new Date(minuteAt(0)))).toBe(minuteOf(NOW));
  });
});

/** A client whose answers the test releases, recording what was asked. */
function controlledClient() {
  const asked: { siteId: string; minutes: number | undefined }[] = [];
  const pending = new Map<string, (h: WaitHistory) => void>();
  const client: WaitHistoryClient = {
    waitHistory: (siteId, options = {}) =>
      new Promise((resolve) => {
        asked.push({ siteId, minutes: options.minutes });
        pending.set(siteId, resolve);
      }),
  };
  return { client, asked, answer: (h: WaitHistory) => pending.get(h.siteId)!(h) };
}

function Trend({ client, site }: { client: Partial<WaitHistoryClient>; site: SiteStatus | undefined }) {
  const trend = useWaitTrend({ client, site, now: NOW, clock: () => NOW, minutes: 5 });
  return <Text>{trend ? trend.values.map((v) => v ?? '-').join(',') : 'no site'}</Text>;
}

describe('useWaitTrend', () => {
  it('draws the live wait at once, adds the history when it comes, and follows new reports', async () => {
    const { client, asked, answer } = controlledClient();
    const app = render(<Trend client={client} site={RUH} />);
    // RUH's snapshot wait (12) is the current minute's sample before the history answers.
    await waitForFrame(app.lastFrame, (f) => f === '-,-,-,-,12');
    expect(asked).toEqual([{ siteId: 'RUH', minutes: 5 }]);

    answer({ siteId: 'RUH', samples: [{ at: minuteAt(2), waitMinutes: 7 }, { at: minuteAt(0), waitMinutes: 10 }] });
    // The live sample of this minute stays: it is newer than the hub's.
    await waitForFrame(app.lastFrame, (f) => f === '-,-,7,-,12');

    app.rerender(<Trend client={client} site={{ ...RUH, waitMinutes: 15, reportedAt: '2026-11-29T02:10:29Z' }} />);
    await waitForFrame(app.lastFrame, (f) => f === '-,-,7,-,15');
    expect(asked).toHaveLength(1); // a report is not a reason to ask the hub again
    app.unmount();
  });

  it('asks again for a newly selected site and drops a late answer for the last one', async () => {
    const { client, asked, answer } = controlledClient();
    const app = render(<Trend client={client} site={RUH} />);
    await waitForFrame(app.lastFrame, (f) => f.endsWith(',12'));
    app.rerender(<Trend client={client} site={JED} />);
    await waitForFrame(app.lastFrame, (f) => f === '-,-,-,-,22.5');
    expect(asked.map((a) => a.siteId)).toEqual(['RUH', 'JED']);

    answer({ siteId: 'RUH', samples: [{ at: minuteAt(4), waitMinutes: 99 }] });
    answer({ siteId: 'JED', samples: [{ at: minuteAt(4), waitMinutes: 20 }] });
    await waitForFrame(app.lastFrame, (f) => f === '20,-,-,-,22.5');
    expect(app.lastFrame()).not.toContain('99');

    app.rerender(<Trend client={client} site={undefined} />);
    await waitForFrame(app.lastFrame, (f) => f === 'no site');
    app.unmount();
  });

  it('draws what arrives live when the client has no history to give', async () => {
    const app = render(<Trend client={{}} site={RUH} />);
    await waitForFrame(app.lastFrame, (f) => f === '-,-,-,-,12');
    app.unmount();
  });
});
