// The remote-resolution KPI: of the device incidents opened in a window, how
// many were fixed or mitigated remotely and how many needed a technician.
import type { RemoteKpi } from '../../core/model.js';
import type { RemoteOutcome } from '../store/store.js';

const FINAL = new Set(['fixed', 'mitigated', 'dispatched']);

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const seconds = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

export function remoteKpi(outcomes: readonly RemoteOutcome[], since: string, until: string): RemoteKpi {
  let fixed = 0;
  let mitigated = 0;
  let dispatched = 0;
  const toFix: number[] = [];
  const toVerdict: number[] = [];
  for (const o of outcomes) {
    const first = o.verdicts.find((v) => FINAL.has(v.verdict));
    if (first) toVerdict.push(seconds(o.createdAt, first.at));
    const fix = o.verdicts.find((v) => v.verdict === 'fixed');
    if (o.dispatchedAt && !fix) dispatched++;
    else if (fix) {
      fixed++;
      toFix.push(seconds(o.createdAt, fix.at));
    } else if (o.verdicts.some((v) => v.verdict === 'mitigated')) mitigated++;
  }
  const decided = fixed + mitigated + dispatched;
  toFix.sort((a, b) => a - b);
  toVerdict.sort((a, b) => a - b);
  return {
    since,
    until,
    incidents: outcomes.length,
    fixedRemotely: fixed,
    mitigatedRemotely: mitigated,
    dispatched,
    remoteResolutionRate: decided ? (fixed + mitigated) / decided : null,
    medianSecondsToFix: percentile(toFix, 50),
    p95SecondsToVerdict: percentile(toVerdict, 95),
  };
}
