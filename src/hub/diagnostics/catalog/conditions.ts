// Shorthands for writing catalog rules that read like the vendor manual.
import type { CheckCondition, Condition, FindingRule, MetricCondition } from './types.js';

export const fails = (check: string): CheckCondition => ({ check, status: ['fail'] });
export const warns = (check: string): CheckCondition => ({ check, status: ['warn'] });
export const passes = (check: string): CheckCondition => ({ check, status: ['pass'] });
export const notPassing = (check: string): CheckCondition => ({ check, status: ['warn', 'fail'] });
export const metric = (name: string, op: MetricCondition['op'], value: number): MetricCondition => ({ metric: name, op, value });

/** A physical part has failed: no remote action repairs it, a reboot neither. */
export function partFailed(code: string, check: string, text: string, partsLikely: readonly string[], also: readonly Condition[] = []): FindingRule {
  return { code, text, cause: 'hardware', when: [fails(check), ...also], remediations: [], partsLikely };
}
