// Fixture events for remote diagnostics: one e-gate's card reader jam fixed
// by clear-jam and verified, one door motor failure dispatched.
import type { DiagAction, DiagEvent, Dispatch, Finding, RemoteKpi, SweepResult, SweepSummary } from '../../src/core/model.js';

export const JAM: Finding = {
  code: 'card-reader-jam',
  text: 'card reader jammed',
  cause: 'software',
  check: 'card-reader',
  detail: 'jam sensor tripped',
  remoteFix: true,
  mitigated: false,
  partsLikely: [],
};

export const DOOR: Finding = {
  code: 'door-failed',
  text: 'gate door mechanism has failed',
  cause: 'hardware',
  check: 'door',
  detail: 'door motor does not respond',
  remoteFix: false,
  mitigated: false,
  partsLikely: ['door motor', 'door controller board'],
};

export const CLEAR_JAM: DiagAction = {
  action: 'clear-jam',
  params: {},
  disruptive: false,
  status: 'done',
  replayed: false,
  idempotencyKey: 'INC-000042:RUH/egate-07:clear-jam:1',
  message: null,
  verified: true,
};

const at = (s: number) => `2025-03-01T06:30:${String(s).padStart(2, '0')}.000Z`;

export const FIX_RUN: DiagEvent[] = [
  { type: 'probe', at: at(1), assetId: 'RUH/egate-07', probe: 'health', ok: true, status: 'degraded', durationMs: 12, error: null },
  { type: 'finding', at: at(1), assetId: 'RUH/egate-07', finding: JAM },
  { type: 'action', at: at(2), assetId: 'RUH/egate-07', action: CLEAR_JAM },
  { type: 'verify', at: at(3), assetId: 'RUH/egate-07', action: 'clear-jam', passed: true, status: 'ok', remaining: [] },
  {
    type: 'verdict',
    at: at(3),
    assetId: 'RUH/egate-07',
    siteId: 'RUH',
    kind: 'egate',
    verdict: 'fixed',
    summary: 'clear-jam fixed card-reader-jam',
    incidentId: 'INC-000042',
    dispatchId: null,
    findings: [JAM],
    actions: [CLEAR_JAM],
  },
];

export const UNREACHABLE_THEN_ERROR: DiagEvent[] = [
  { type: 'probe', at: at(1), assetId: 'RUH/egate-01', probe: 'health', ok: false, status: null, durationMs: 2001, error: 'UND_ERR_CONNECT_TIMEOUT' },
  {
    type: 'verdict',
    at: at(2),
    assetId: 'RUH/egate-01',
    siteId: 'RUH',
    kind: 'egate',
    verdict: 'unreachable',
    summary: 'management endpoint unreachable',
    incidentId: null,
    dispatchId: null,
    findings: [],
    actions: [],
  },
  { type: 'error', at: at(2), assetId: 'RUH/egate-02', code: 'hub_error', message: 'diagnosing RUH/egate-02 failed in the hub' },
];

const result = (assetId: string, over: Partial<SweepResult> = {}): SweepResult => ({
  type: 'result',
  assetId,
  siteId: assetId.split('/')[0]!,
  kind: 'egate',
  verdict: 'healthy',
  findings: [],
  actions: [],
  incidentId: null,
  dispatchId: null,
  ...over,
});

export const SWEEP_RESULTS: SweepResult[] = [
  result('RUH/egate-01'),
  result('RUH/egate-05', { verdict: 'dispatched', findings: [DOOR], incidentId: 'INC-000019', dispatchId: 'DSP-000001' }),
  result('RUH/egate-07', { verdict: 'fixed', findings: [JAM], actions: [CLEAR_JAM], incidentId: 'INC-000042' }),
];

export const SWEEP_SUMMARY: SweepSummary = {
  type: 'summary',
  assets: 3,
  healthy: 1,
  fixed: 1,
  mitigated: 0,
  dispatched: 1,
  unreachable: 0,
  planned: 0,
  wallMs: 1234,
};

export const DISPATCH: Dispatch = {
  id: 'DSP-000001',
  incidentId: 'INC-000019',
  siteId: 'RUH',
  assetId: 'RUH/egate-05',
  findings: [DOOR],
  actionsTried: [{ ...CLEAR_JAM, action: 'reboot', disruptive: true, status: 'done', verified: false, idempotencyKey: 'k' }],
  partsLikely: ['door motor', 'door controller board'],
  priority: 'P2',
  state: 'open',
  createdAt: '2025-03-01T06:10:00Z',
  createdBy: { id: 'system', name: 'system' },
  closedAt: null,
  closedBy: null,
  note: null,
};

export const KPI: RemoteKpi = {
  since: '2025-02-28T06:30:00.000Z',
  until: '2025-03-01T06:30:00.000Z',
  incidents: 40,
  fixedRemotely: 37,
  mitigatedRemotely: 1,
  dispatched: 2,
  remoteResolutionRate: 0.95,
  medianSecondsToFix: 4.2,
  p95SecondsToVerdict: 95,
};
