import { describe, expect, it } from 'vitest';
import type { HubEvent, Incident } from '../../src/core/model.js';
import { slaTimer, formatElapsed, formatTarget } from '../../src/ui/sla.js';
import {
  initialState,
  reduce,
  selectedIncident,
  selectedSite,
  visibleGroups,
  visibleIncidents,
  type Action,
  type ViewState,
} from '../../src/ui/state.js';
import { FLEET, INCIDENTS, incident } from '../commands/fixtures.js';

const loaded = (): ViewState => reduce(initialState(), { type: 'snapshot', fleet: FLEET, incidents: INCIDENTS });
const run = (state: ViewState, ...actions: Action[]) => actions.reduce(reduce, state);
const event = (id: number, type: HubEvent['type'], data: unknown): Action => ({
  type: 'event',
  event: { id, type, at: '2025-03-01T06:31:00Z', data },
});

describe('view state', () => {
  it('groups by kind in a fixed order, or by region, and toggles with g', () => {
    const byKind = loaded();
    expect(visibleGroups(byKind).map((g) => [g.key, g.sites.map((s) => s.id)])).toEqual([
      ['air', ['JED', 'RUH']],
      ['land', ['LND-KFC']],
      ['service-centre', ['SC-RIY-01']],
    ]);
    const byRegion = reduce(byKind, { type: 'toggleGrouping' });
    expect(visibleGroups(byRegion).map((g) => g.key)).toEqual(['Eastern Province', 'Makkah', 'Riyadh']);
    expect(reduce(byRegion, { type: 'toggleGrouping' }).grouping).toBe('kind');
  });

  it('filters by id, English or Arabic name, region and kind; Escape clears it', () => {
    const filter = (text: string) =>
      visibleGroups(run(loaded(), { type: 'startFilter' }, { type: 'editFilter', text }, { type: 'endFilter', keep: true }))
        .flatMap((g) => g.sites.map((s) => s.id));
    expect(filter('ruh')).toEqual(['RUH']);
    expect(filter('causeway')).toEqual(['LND-KFC']);
    expect(filter('الملك خالد')).toEqual(['RUH']);
    expect(filter('makkah')).toEqual(['JED']);
    expect(filter('service')).toEqual(['SC-RIY-01']);
    const cancelled = run(loaded(), { type: 'startFilter' }, { type: 'editFilter', text: 'ruh' }, { type: 'endFilter', keep: false });
    expect(cancelled.filter).toBe('');
    expect(cancelled.editingFilter).toBe(false);
  });

  it('a filter narrows the queue to incidents at the sites shown', () => {
    const state = run(loaded(), { type: 'editFilter', text: 'jed' });
    expect(visibleIncidents(state).map((i) => i.id)).toEqual(['INC-000007']);
  });

  it('moves across the wall by rows and columns, and up/down in the queue', () => {
    // Two columns: rows are [JED RUH] [LND-KFC] [SC-RIY-01].
    let state = loaded();
    expect(selectedSite(state)?.id).toBe('JED');
    state = reduce(state, { type: 'move', direction: 'right', columns: 2 });
    expect(selectedSite(state)?.id).toBe('RUH');
    state = reduce(state, { type: 'move', direction: 'down', columns: 2 });
    expect(selectedSite(state)?.id).toBe('LND-KFC');
    state = reduce(state, { type: 'move', direction: 'down', columns: 2 });
    expect(selectedSite(state)?.id).toBe('SC-RIY-01');
    state = reduce(state, { type: 'move', direction: 'down', columns: 2 });
    expect(selectedSite(state)?.id).toBe('SC-RIY-01');
    state = reduce(state, { type: 'move', direction: 'left', columns: 2 });
    expect(selectedSite(state)?.id).toBe('LND-KFC');

    state = reduce(state, { type: 'switchPane' });
    expect(state.focus).toBe('queue');
    // sev2 before sev3
    expect(selectedIncident(state)?.id).toBe('INC-000042');
    state = reduce(state, { type: 'move', direction: 'down', columns: 2 });
    expect(selectedIncident(state)?.id).toBe('INC-000007');
    state = reduce(state, { type: 'move', direction: 'down', columns: 2 });
    expect(selectedIncident(state)?.id).toBe('INC-000007');
  });

  it('sorts the queue by severity, then oldest first', () => {
    const state = reduce(initialState(), {
      type: 'snapshot',
      fleet: FLEET,
      incidents: [
        incident(1, { severity: 'sev3', createdAt: '2025-03-01T01:00:00Z' }),
        incident(2, { severity: 'sev1', createdAt: '2025-03-01T05:00:00Z' }),
        incident(3, { severity: 'sev1', createdAt: '2025-03-01T04:00:00Z' }),
      ],
    });
    expect(visibleIncidents(state).map((i) => i.id)).toEqual(['INC-000003', 'INC-000002', 'INC-000001']);
  });

  it('an incident event adds to the queue and the site counts; resolving removes it', () => {
    const created = incident(99, { severity: 'sev1', siteId: 'SC-RIY-01' });
    let state = reduce(loaded(), event(10, 'incident.created', created));
    expect(state.lastEventId).toBe(10);
    expect(state.incidents.map((i) => i.id)).toContain('INC-000099');
    const site = () => state.fleet!.sites.find((s) => s.id === 'SC-RIY-01')!;
    expect(site().openIncidents).toMatchObject({ sev1: 1, total: 1 });
    expect(state.fleet!.totals.openIncidents.total).toBe(3);

    const resolved: Incident = { ...created, state: 'resolved', version: 2 };
    state = reduce(state, event(11, 'incident.updated', resolved));
    expect(state.incidents.map((i) => i.id)).not.toContain('INC-000099');
    expect(site().openIncidents.total).toBe(0);
  });

  it('telemetry updates the wait and queue of its site only', () => {
    const state = reduce(
      loaded(),
      event(12, 'site.telemetry', {
        siteId: 'RUH', at: '2025-03-01T06:31:00Z', arrivalsPerHour: 900, queueLength: 300,
        waitMinutes: 55, egatesInService: 18, countersOpen: 12,
      }),
    );
    const ruh = state.fleet!.sites.find((s) => s.id === 'RUH')!;
    expect(ruh).toMatchObject({ waitMinutes: 55, queueLength: 300, egates: { inService: 18, total: 20 } });
    expect(state.fleet!.sites.find((s) => s.id === 'JED')!.waitMinutes).toBe(22.5);
  });

  it('a batch of events applies each in order, keeps sites it does not touch, and remembers the last id', () => {
    const before = loaded();
    const report = (waitMinutes: number) => ({
      siteId: 'RUH', at: '2025-03-01T06:31:00Z', arrivalsPerHour: 900, queueLength: 3, waitMinutes, egatesInService: 18, countersOpen: 12,
    });
    const batch = [event(20, 'site.telemetry', report(30)), event(21, 'site.telemetry', report(31))].map((a) => (a as Extract<Action, { type: 'event' }>).event);
    const state = reduce(before, { type: 'events', events: batch });
    expect(state.fleet!.sites.find((s) => s.id === 'RUH')!.waitMinutes).toBe(31);
    expect(state.lastEventId).toBe(21);
    // The memoised wall redraws only rows whose site objects changed.
    const jed = (s: ViewState) => s.fleet!.sites.find((x) => x.id === 'JED');
    expect(jed(state)).toBe(jed(before));
  });

  it('stays stale since the first disconnect across retries, and live again on reconnect', () => {
    const first = new Date('2025-03-01T06:40:00Z');
    let state = reduce(loaded(), { type: 'disconnected', at: first, retryInMs: 1000, reason: 'ECONNREFUSED' });
    state = reduce(state, { type: 'disconnected', at: new Date('2025-03-01T06:40:05Z'), retryInMs: 2000, reason: 'timeout' });
    expect(state.connection).toEqual({ state: 'stale', since: first, retryAt: new Date('2025-03-01T06:40:07Z'), reason: 'timeout' });
    expect(reduce(state, { type: 'connected' }).connection).toEqual({ state: 'live' });
  });
});

describe('detail pane state', () => {
  it('opens loading, takes only the answer it asked for, and closes', () => {
    let state = reduce(loaded(), { type: 'openDetail', kind: 'site', id: 'RUH' });
    expect(state.detail).toEqual({ kind: 'site', id: 'RUH', data: null });
    const stale = reduce(state, { type: 'detailLoaded', detail: { kind: 'site', id: 'JED', data: null } });
    expect(stale).toBe(state);
    state = reduce(state, { type: 'closeDetail' });
    expect(state.detail).toBeNull();
  });
});

describe('SLA timers', () => {
  const at = (minutes: number) => new Date(Date.parse('2025-03-01T06:10:00Z') + minutes * 60_000);
  it('runs against time-to-ack until acknowledged, amber at 75%, red past the target', () => {
    const sev1 = incident(1, { severity: 'sev1' });
    expect(slaTimer(sev1, at(3))).toMatchObject({ target: 'ack', tone: 'ok', targetMs: 5 * 60_000 });
    expect(slaTimer(sev1, at(4)).tone).toBe('amber');
    expect(slaTimer(sev1, at(5)).tone).toBe('red');
    const acked = { ...sev1, state: 'acknowledged' as const };
    expect(slaTimer(acked, at(5))).toMatchObject({ target: 'resolve', tone: 'ok' });
    expect(slaTimer(acked, at(50)).tone).toBe('amber');
    expect(slaTimer(acked, at(61)).tone).toBe('red');
  });

  it('formats clocks and targets compactly', () => {
    expect(formatElapsed(245_000)).toBe('4:05');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
    expect(formatTarget(5 * 60_000)).toBe('5m');
    expect(formatTarget(4 * 3_600_000)).toBe('4h');
  });
});
