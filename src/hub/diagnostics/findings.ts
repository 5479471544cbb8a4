// What a probe shows is wrong, read through the catalog. Pure: the device's
// health and metrics in, findings (each with its remote remediations) out.
import type { AssetKind, Finding } from '../../core/model.js';
import { CATALOG } from './catalog/index.js';
import type { Condition, FindingRule, Remediation } from './catalog/types.js';
import type { DeviceHealth } from '../../devices/device-api.js';

export interface Diagnosis {
  finding: Finding;
  /** Least to most disruptive; empty: nothing remote helps. */
  remediations: readonly Remediation[];
}

export type Metrics = Readonly<Record<string, number>>;

function holds(condition: Condition, health: DeviceHealth, metrics: Metrics): boolean {
  if ('check' in condition) {
    const check = health.checks.find((c) => c.name === condition.check);
    return check !== undefined && condition.status.includes(check.status);
  }
  const value = metrics[condition.metric];
  if (value === undefined) return false;
  switch (condition.op) {
    case '>=':
      return value >= condition.value;
    case '>':
      return value > condition.value;
    case '<=':
      return value <= condition.value;
    case 'abs>':
      return Math.abs(value) > condition.value;
  }
}

const first = (rule: FindingRule) => rule.when[0];
const checkOf = (rule: FindingRule) => {
  const c = first(rule);
  return c && 'check' in c ? c.check : null;
};

function findingOf(rule: FindingRule, health: DeviceHealth): Diagnosis {
  const check = checkOf(rule);
  return {
    finding: {
      code: rule.code,
      text: rule.text,
      cause: rule.cause,
      check,
      detail: health.checks.find((c) => c.name === check)?.detail ?? null,
      remoteFix: rule.remediations.length > 0 && rule.cause !== 'field',
      mitigated: rule.mitigated ?? false,
      partsLikely: [...(rule.partsLikely ?? [])],
    },
    remediations: rule.remediations,
  };
}

/** Every finding the catalog for `kind` reads in this health and these metrics. */
export function findingsFor(kind: AssetKind, health: DeviceHealth, metrics: Metrics = {}): Diagnosis[] {
  const catalog = CATALOG[kind];
  const matched = catalog.rules.filter(
    (rule) => rule.when.every((c) => holds(c, health, metrics)) && !(rule.unless?.length && rule.unless.every((c) => holds(c, health, metrics))),
  );
  const found = matched.map((rule) => findingOf(rule, health));
  // A failing check the catalog has no rule for is still a finding, so the
  // verdict can never be "fixed" while the device says something is wrong.
  const explained = new Set(matched.flatMap((rule) => rule.when.flatMap((c) => ('check' in c ? [c.check] : []))));
  for (const check of health.checks) {
    const unexplained = check.status === 'fail' || (check.status === 'warn' && health.status !== 'ok');
    if (!unexplained || explained.has(check.name)) continue;
    found.push({
      finding: {
        code: `check-${check.name}-${check.status}`,
        text: `${check.name} check ${check.status === 'fail' ? 'failing' : 'warning'}`,
        cause: 'software',
        check: check.name,
        detail: check.detail ?? null,
        remoteFix: catalog.fallback.length > 0,
        mitigated: false,
        partsLikely: [],
      },
      remediations: catalog.fallback,
    });
  }
  if (found.length === 0 && health.status !== 'ok') {
    found.push({
      finding: {
        code: `device-${health.status}`,
        text: `device reports itself ${health.status} with every check passing`,
        cause: 'software',
        check: null,
        detail: null,
        remoteFix: catalog.fallback.length > 0,
        mitigated: false,
        partsLikely: [],
      },
      remediations: catalog.fallback,
    });
  }
  return found;
}

/** The device could not be probed: nobody can see it from here, so someone has to go. */
export function managementFinding(
  code: 'management-unreachable' | 'management-timeout' | 'management-auth' | 'management-host-key' | 'management-error' | 'no-management-endpoint',
  detail: string | null,
): Diagnosis {
  const text: Record<typeof code, string> = {
    'management-unreachable': 'management endpoint unreachable',
    'management-timeout': 'management endpoint not answering in time (device hung or overloaded)',
    'management-auth': 'management endpoint refused our credentials',
    'management-host-key': 'management endpoint presented an unexpected SSH host key (not trusted; nothing was run)',
    'management-error': 'management API error (answer outside the contract)',
    'no-management-endpoint': 'no management endpoint on record for this asset',
  };
  return {
    finding: {
      code,
      text: text[code],
      cause: 'management',
      check: null,
      detail,
      remoteFix: false,
      mitigated: false,
      partsLikely:
        code === 'management-unreachable' || code === 'management-timeout'
          ? ['device network/power check on site']
          : code === 'management-host-key'
            ? ['confirm the server host key on site (reinstalled, or something answering in its place)']
            : [],
    },
    remediations: [],
  };
}

/** Healthy: the device says ok and nothing is found. */
export const isHealthy = (health: DeviceHealth, diagnoses: readonly Diagnosis[]) => health.status === 'ok' && diagnoses.length === 0;

/** Mitigated: what is left are only mitigated states (service continues degraded). */
export const isMitigated = (diagnoses: readonly Diagnosis[]) => diagnoses.length > 0 && diagnoses.every((d) => d.finding.mitigated);
