// composeHandover, the pure part of a handover, on small hand-made histories:
// what falls in the shift, what is open (drills left out), and what is carried.
import { describe, expect, it } from 'vitest';
import type { Dispatch, HandoverBreaches, HandoverKpis, Incident, PlaybookRun } from '../../../src/core/model.js';
import { composeHandover } from '../../../src/hub/handover/compose.js';

const SHIFT = { from: '2026-03-01T06:00:00.000Z', until: '2026-03-01T14:00:00.000Z' };
const kpis = {} as HandoverKpis;
const breaches: HandoverBreaches = { available: false, note: 'n', breaches: [] };

const incident = (id: string, createdAt: string, extra: Partial<Incident> = {}): Incident =>
  ({ id, title: id, severity: 'sev2', state: 'triggered', siteId: 'RUH', createdAt, resolvedAt: null, drillRunId: null, ...extra }) as Incident;
const dispatch = (id: string, createdAt: string, state: Dispatch['state']): Dispatch =>
  ({ id, incidentId: 'INC-1', siteId: 'RUH', assetId: 'RUH/egate-01', priority: 'P2', state, createdAt, closedAt: state === 'closed' ? createdAt : null }) as Dispatch;
const run = (id: string, status: PlaybookRun['status'], extra: Partial<PlaybookRun> = {}): PlaybookRun =>
  ({ id, playbookId: 'surge', title: { en: 'Surge', ar: 'Surge' }, status, waitingOn: null, currentStep: 'agree', incidentId: null, siteId: 'RUH', drill: false, startedAt: '2026-03-01T07:00:00.000Z', endedAt: null, ...extra }) as PlaybookRun;

describe('composeHandover', () => {
  it('sorts the shift from what is open now, leaves drills out, and carries what the previous handover listed', () => {
    const content = composeHandover({
      shift: SHIFT,
      previous: { id: 'HO-000001', openItems: [{ kind: 'incident', id: 'INC-OLD', title: '', state: '', severity: null, siteId: null, since: '' }, { kind: 'incident', id: 'INC-CLOSED', title: '', state: '', severity: null, siteId: null, since: '' }] },
      incidents: [
        incident('INC-OLD', '2026-02-28T20:00:00.000Z'),
        incident('INC-NEW', '2026-03-01T08:00:00.000Z'),
        incident('INC-CLOSED', '2026-02-28T21:00:00.000Z', { state: 'resolved', resolvedAt: '2026-03-01T09:00:00.000Z' }),
        incident('INC-DRILL', '2026-03-01T09:00:00.000Z', { drillRunId: 'RUN-000009' }),
      ],
      dispatches: [dispatch('DSP-1', '2026-02-27T00:00:00.000Z', 'open'), dispatch('DSP-2', '2026-02-27T00:00:00.000Z', 'closed')],
      runs: [run('RUN-1', 'waiting', { waitingOn: 'approval' }), run('RUN-2', 'waiting', { waitingOn: 'approval', drill: true })],
      kpis,
      breaches,
    });
    expect(content.previousId).toBe('HO-000001');
    expect(content.incidents.opened.map((i) => i.id)).toEqual(['INC-NEW']);
    expect(content.incidents.resolved.map((i) => i.id)).toEqual(['INC-CLOSED']);
    expect(content.dispatches.map((d) => d.id)).toEqual(['DSP-1']);
    expect(content.pendingApprovals.map((r) => r.id)).toEqual(['RUN-1']);
    expect(content.openItems.map((i) => `${i.kind}:${i.id}`)).toEqual(['dispatch:DSP-1', 'incident:INC-OLD', 'approval:RUN-1', 'incident:INC-NEW']);
    expect(content.carriedOver.map((i) => i.id)).toEqual(['INC-OLD']);
  });

  it('carries nothing without a previous handover', () => {
    const content = composeHandover({ shift: SHIFT, previous: undefined, incidents: [incident('INC-1', SHIFT.from)], dispatches: [], runs: [], kpis, breaches });
    expect(content).toMatchObject({ previousId: null, carriedOver: [], openItems: [expect.objectContaining({ id: 'INC-1' })] });
  });
});
