// The compiled matcher alone: site, asset, label equality and regex, all of a
// silence's matchers at once, and its window in time.
import { describe, expect, it } from 'vitest';
import { compileSilences, labelTest } from '../../../src/hub/silences/silence-matcher.js';
import type { SilenceRecord } from '../../../src/hub/store/store.js';

const T0 = '2026-06-01T10:00:00.000Z';
const T1 = '2026-06-01T12:00:00.000Z';
const silence = (id: string, over: Partial<SilenceRecord>): SilenceRecord => ({
  id,
  kind: 'silence',
  siteId: null,
  assetId: null,
  matchers: [],
  startsAt: T0,
  endsAt: T1,
  reason: 'test',
  createdAt: T0,
  createdBy: { id: 'a', name: 'a' },
  expiredAt: null,
  expiredBy: null,
  drillRunId: null,
  alertsSilenced: 0,
  ...over,
});
const alert = (siteId: string | null, assetId: string | null, labels: Record<string, string> = {}) => ({ siteId, assetId, labels });
const AT = '2026-06-01T11:00:00.000Z';

describe('compiled silences', () => {
  it('match a site, any case, and nothing at another site', () => {
    const set = compileSilences([silence('SIL-1', { siteId: 'RUH' })]);
    expect(set.silenceFor(alert('ruh', 'RUH/egate-07'), AT)).toBe('SIL-1');
    expect(set.silenceFor(alert('JED', null), AT)).toBeUndefined();
    expect(set.silenceFor(alert(null, null), AT)).toBeUndefined();
  });

  it('match an asset and not its neighbours', () => {
    const set = compileSilences([silence('SIL-2', { assetId: 'RUH/egate-07' })]);
    expect(set.silenceFor(alert('RUH', 'RUH/EGATE-07'), AT)).toBe('SIL-2');
    expect(set.silenceFor(alert('RUH', 'RUH/egate-08'), AT)).toBeUndefined();
  });

  it('match labels by equality and by a regular expression over the whole value, all matchers together', () => {
    const set = compileSilences([
      silence('SIL-3', { matchers: [{ label: 'alertname', op: '=', value: 'LinkDown' }, { label: 'instance', op: '=~', value: 'gw-(a|b)' }] }),
    ]);
    expect(set.silenceFor(alert(null, null, { alertname: 'LinkDown', instance: 'gw-a' }), AT)).toBe('SIL-3');
    expect(set.silenceFor(alert(null, null, { alertname: 'LinkDown', instance: 'gw-ab' }), AT), 'anchored at both ends').toBeUndefined();
    expect(set.silenceFor(alert(null, null, { alertname: 'LinkUp', instance: 'gw-a' }), AT)).toBeUndefined();
    expect(set.silenceFor(alert(null, null, { instance: 'gw-b' }), AT), 'a missing label is the empty value').toBeUndefined();
  });

  it('hold only from their start until their end or their expiry by hand', () => {
    const set = compileSilences([
      silence('SIL-4', { siteId: 'RUH' }),
      silence('SIL-5', { siteId: 'JED', expiredAt: '2026-06-01T10:30:00.000Z' }),
    ]);
    expect(set.silenceFor(alert('RUH', null), '2026-06-01T09:59:59.999Z')).toBeUndefined();
    expect(set.silenceFor(alert('RUH', null), T0)).toBe('SIL-4');
    expect(set.silenceFor(alert('RUH', null), T1)).toBeUndefined();
    expect(set.silenceFor(alert('JED', null), '2026-06-01T10:29:00.000Z')).toBe('SIL-5');
    expect(set.silenceFor(alert('JED', null), AT)).toBeUndefined();
  });

  it('refuse a regex that could backtrack without end on a hostile label value, and take flat ones', () => {
    for (const value of ['(a+)+', '(x*)*y', '((gw|core)-[0-9]+)+']) {
      expect(() => labelTest({ label: 'instance', op: '=~', value }), value).toThrow(/repetition inside a repetition/);
    }
    const flat = labelTest({ label: 'instance', op: '=~', value: 'gw-(core|edge)-[0-9]+' });
    expect(flat({ instance: 'gw-edge-12' })).toBe(true);
    expect(flat({ instance: `gw-edge-${'1'.repeat(50_000)}x` })).toBe(false);
  });
});
