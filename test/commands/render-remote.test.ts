// Renderers for remote diagnostics, dispatch, the KPI and the emulator's
// ground truth, at fixed widths with colour off.
import { describe, expect, it } from 'vitest';
import type { DiagVerdictEvent } from '../../src/core/model.js';
import type { GroundTruthFault } from '../../src/core/model/emulator-control.js';
import { countVerdicts, renderDiagEvent, renderProgress, renderSweep, renderVerdictSummary } from '../../src/render/diag.js';
import { renderDispatchTable } from '../../src/render/dispatch.js';
import { formatSeconds, renderRemoteKpi } from '../../src/render/kpi.js';
import { faultNeeds, renderFaultMix, renderGroundTruth } from '../../src/render/sim-faults.js';
import type { RenderContext } from '../../src/render/view.js';
import { CLEAR_JAM, DISPATCH, FIX_RUN, KPI, SWEEP_RESULTS, SWEEP_SUMMARY } from './diag-fixtures.js';
import { NOW } from './fake-deps.js';

const tty: RenderContext = { tty: true, color: false, width: 80, lang: 'en', now: NOW };
const piped: RenderContext = { ...tty, tty: false };

describe('diag events', () => {
  it('a planned action reads "would …"; disruptive and params are named', () => {
    const line = renderDiagEvent(
      { type: 'action', at: NOW.toISOString(), assetId: 'RUH/link-01', action: { ...CLEAR_JAM, action: 'failover-link', params: { to: 'backup' }, disruptive: true, status: 'planned', verified: null } },
      tty,
    );
    expect(line).toBe('action  RUH/link-01  would failover-link to=backup (disruptive)');
  });

  it('forbidden and replayed actions say so', () => {
    const at = NOW.toISOString();
    expect(renderDiagEvent({ type: 'action', at, assetId: 'A/b', action: { ...CLEAR_JAM, action: 'reboot', status: 'forbidden', message: 'needs officer' } }, tty)).toBe(
      'action  A/b  reboot: forbidden (needs officer)',
    );
    expect(renderDiagEvent({ type: 'action', at, assetId: 'A/b', action: { ...CLEAR_JAM, replayed: true } }, tty)).toBe(
      'action  A/b  clear-jam: done (replayed, not repeated)',
    );
    expect(renderDiagEvent({ type: 'action', at, assetId: 'A/b', action: { ...CLEAR_JAM, status: 'not_applicable' } }, tty)).toBe(
      'action  A/b  clear-jam: not applicable',
    );
  });

  it('a failed verification names what is still wrong', () => {
    expect(
      renderDiagEvent({ type: 'verify', at: NOW.toISOString(), assetId: 'A/b', action: 'restart-service', passed: false, status: 'down', remaining: ['service-down'] }, tty),
    ).toBe('verify  A/b  after restart-service: not fixed; still service-down');
  });

  it('piped lines lead with the event time', () => {
    expect(renderDiagEvent(FIX_RUN[0]!, piped)).toBe('2025-03-01T06:30:01.000Z  probe   RUH/egate-07  health: degraded (12 ms)');
  });

  it('the summary after several verdicts counts each kind of ending and names the assets that are not healthy', () => {
    const fixed = FIX_RUN.at(-1) as DiagVerdictEvent;
    const verdicts = [
      fixed,
      { ...fixed, assetId: 'RUH/egate-01', verdict: 'healthy' as const },
      { ...fixed, assetId: 'RUH/egate-02', verdict: 'healthy' as const },
      { ...fixed, assetId: 'RUH/kiosk-01', verdict: 'dispatched' as const },
    ];
    expect(renderVerdictSummary(verdicts, tty)).toBe(
      '4 assets: 2 healthy, 1 fixed remotely, 1 dispatched; not healthy: RUH/egate-07 (fixed), RUH/kiosk-01 (dispatched)',
    );
  });
});

describe('sweep', () => {
  it('on a terminal: worst first, fitted to the width, then the totals', () => {
    const out = renderSweep(SWEEP_RESULTS, SWEEP_SUMMARY, { ...tty, width: 70 });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ASSET\s+KIND\s+VERDICT\s+FINDINGS\s+ACTIONS\s+REF$/);
    expect(lines[1]).toMatch(/^RUH\/egate-05\s+egate\s+dispatched\s/);
    expect(lines[2]).toMatch(/^RUH\/egate-07\s+egate\s+fixed remotely\s/);
    expect(Math.max(...lines.slice(0, 3).map((l) => l.length))).toBeLessThanOrEqual(70);
    expect(lines.at(-1)).toBe('3 assets in 1.2 s: 1 healthy, 1 fixed remotely, 1 dispatched');
  });

  it('all healthy: only the totals line', () => {
    const out = renderSweep([SWEEP_RESULTS[0]!], { ...SWEEP_SUMMARY, assets: 1, fixed: 0, dispatched: 0 }, tty);
    expect(out).toBe('1 asset in 1.2 s: 1 healthy');
  });

  it('progress: a bar when the total is known, a count when not', () => {
    const counts = countVerdicts(['healthy', 'fixed', 'dispatched', 'healthy']);
    const half = renderProgress(4, 8, counts, 60);
    const bar = /^\[(#+)(\.+)\] 4\/8 assets {2}1 fixed, 1 dispatched$/.exec(half);
    expect(bar, half).not.toBeNull();
    expect(Math.abs(bar![1]!.length - bar![2]!.length)).toBeLessThanOrEqual(1);
    expect(half.length).toBeLessThanOrEqual(60);
    expect(renderProgress(4, undefined, counts, 60)).toBe('4 assets  1 fixed, 1 dispatched');
    expect(renderProgress(0, 8, new Map(), 200)).toBe(`[${'.'.repeat(40)}] 0/8 assets`);
  });
});

describe('dispatch table', () => {
  it('on a terminal: headings and age from the clock', () => {
    const lines = renderDispatchTable([DISPATCH], { ...tty, width: 120 }).split('\n');
    expect(lines[0]).toMatch(/^DISPATCH\s+PRI\s+STATE\s+ASSET\s+INCIDENT\s+FINDINGS\s+PARTS\s+AGE$/);
    expect(lines[1]).toMatch(/^DSP-000001\s+P2\s+open\s+RUH\/egate-05\s+INC-000019\s+door-failed\s+door motor, door controller board\s+20m$/);
  });
});

describe('remote KPI', () => {
  it('on a terminal: aligned labels; no data shows a dash, not 0%', () => {
    const out = renderRemoteKpi({ ...KPI, incidents: 0, fixedRemotely: 0, mitigatedRemotely: 0, dispatched: 0, remoteResolutionRate: null, medianSecondsToFix: null, p95SecondsToVerdict: null }, tty);
    expect(out).toContain('remote resolution    - (no device incidents ended yet)');
    expect(out).toContain('median time to fix   -');
    expect(out.split('\n')[0]).toBe('since                24h ago (2025-02-28T06:30:00.000Z)');
  });

  it('seconds for people', () => {
    expect([0.36, 42, 95, 7200, null].map(formatSeconds)).toEqual(['0.4 s', '42 s', '1.6 min', '2.0 h', '-']);
  });
});

describe('ground truth', () => {
  const fault = (over: Partial<GroundTruthFault>): GroundTruthFault => ({
    id: 'I000001', assetId: 'RUH/egate-01', siteId: 'RUH', assetKind: 'egate', fault: 'hung-service', hardware: false, field: false,
    remedy: 'fix', mitigated: false, since: '2025-03-01T06:25:00Z', source: 'injected', ...over,
  });

  it('what each fault needs', () => {
    expect(faultNeeds(fault({}))).toBe('remote fix');
    expect(faultNeeds(fault({ hardware: true, remedy: 'none' }))).toBe('visit (hardware)');
    expect(faultNeeds(fault({ field: true, remedy: 'none' }))).toBe('visit (field)');
    expect(faultNeeds(fault({ remedy: 'mitigate' }))).toBe('mitigation');
  });

  it('narrow: ids stay whole, the fault names give way', () => {
    const line = renderGroundTruth([fault({})], { ...tty, width: 62 }).split('\n')[1]!;
    expect(line.startsWith('RUH/egate-01  egate')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(62);
  });

  it('on a terminal: ages and a count of visits needed', () => {
    const out = renderGroundTruth([fault({}), fault({ assetId: 'RUH/link-01', assetKind: 'network-link', fault: 'fibre-cut', field: true, remedy: 'none' })], { ...tty, width: 100 });
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ASSET\s+KIND\s+FAULT\s+NEEDS\s+MITIGATED\s+SOURCE\s+SINCE$/);
    expect(lines[1]).toMatch(/^RUH\/egate-01\s+egate\s+hung-service\s+remote fix\s+no\s+injected\s+5m$/);
    expect(lines.at(-1)).toBe('2 faults, 1 needing a visit');
  });

  it('the mix: weights, shares and the remotely handled share', () => {
    const out = renderFaultMix(
      { faultKinds: [{ assetKind: 'egate', fault: 'hung-service', hardware: false, field: false, remedy: 'fix', fixedBy: ['restart-service', 'reboot'], weight: 45, share: 0.0383 }], remotelyHandledShare: 0.9661 },
      tty,
    );
    expect(out.split('\n')[1]).toMatch(/^egate\s+hung-service\s+remote fix\s+restart-service, reboot\s+45\s+3\.8%$/);
    expect(out.split('\n').at(-1)).toBe('handled remotely: 96.6% of the fleet\'s faults');
  });
});
