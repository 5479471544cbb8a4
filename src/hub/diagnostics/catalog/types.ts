// The shape of the diagnostic catalog: per asset kind, which device signals
// mean which finding, and what to try about it. Data only; findings.ts and
// plan.ts are the one interpreter of it.
import type { AssetKind, Finding, Role } from '../../../core/model.js';
import type { DeviceAction } from '../../../devices/device-api.js';

// free-storage and renew-token were added to the device API with issue 3.
export type RemediationAction = DeviceAction | 'free-storage' | 'renew-token';

export type CheckStatus = 'pass' | 'warn' | 'fail';

/** A device check in one of these states. */
export interface CheckCondition {
  check: string;
  status: readonly CheckStatus[];
}

/** A metric compared with a threshold (`abs>`: its magnitude above). */
export interface MetricCondition {
  metric: string;
  op: '>=' | '>' | '<=' | 'abs>';
  value: number;
}

export type Condition = CheckCondition | MetricCondition;

/** One remote remediation: a device action with its parameters and who may run it. */
export interface Remediation {
  action: RemediationAction;
  params: Readonly<Record<string, string | number | boolean>>;
  /** Interrupts service while it runs (a reboot, a link failover, offline processing). */
  disruptive: boolean;
  minRole: Role;
}

export interface FindingRule {
  code: string;
  text: string;
  cause: Finding['cause'];
  /** Every condition must hold; the first is the check the finding is about. */
  when: readonly Condition[];
  /** Not a finding of its own when all of these hold (a metric rule behind its check). */
  unless?: readonly Condition[];
  /** Least to most disruptive; empty when nothing remote can help (dispatch). */
  remediations: readonly Remediation[];
  /** This finding is the mitigated state of another (service continues degraded). */
  mitigated?: boolean;
  /** For hardware and field faults: what the technician should bring. */
  partsLikely?: readonly string[];
}

export interface KindCatalog {
  kind: AssetKind;
  /** The checks this kind reports (device-signals.md), for the generic fallback. */
  checks: readonly string[];
  /** Checked in order; every matching rule is a finding. */
  rules: readonly FindingRule[];
  /** For a failing check no rule explains, or a non-ok status with all checks passing. */
  fallback: readonly Remediation[];
}
