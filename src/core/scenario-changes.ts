// What-if changes as people type them — `--arrivals +30%`, `--staff -10`,
// `--scenario "arrivals=+30%,egates=-50%"` — read by one set of rules on both
// sides of the wire: the CLI refuses a bad one before it calls the hub, and
// the hub (which receives each scenario in its canonical text) refuses the
// same. No zod here: the CLI's hot path loads this.
import { UsageError } from './errors.js';

/** What a scenario may change: arrivals per hour, e-gates in service, counters (officers at desks). */
export const SCENARIO_FIELDS = ['arrivals', 'egates', 'staff'] as const;
export type ScenarioField = (typeof SCENARIO_FIELDS)[number];

/** A relative change (+30 %: percent 30) or a count added or taken away (-10 counters: count -10). */
export type ScenarioChange = { percent: number } | { count: number };
/**
 * The changes, and at a contact centre the share of inquiries its AI voice
 * agent answers (`ai-share=30%`: what if it answers less — the agent down is
 * 0%). A level, not a change: the usual share moves by the hour of the day,
 * and "what if it answers 30 %" is what a duty officer asks.
 */
export type ScenarioChanges = Partial<Record<ScenarioField, ScenarioChange>> & { aiShare?: { share: number } };

/** The AI agent's share as a scenario names it: `--ai-share 30%`, `ai-share=30%`. */
export const AI_SHARE_FIELD = 'ai-share';
const SHARE = /^(\d{1,3}(?:\.\d{1,2})?)%$/;

/** The AI agent's share, 0% to 100%, unsigned; `what` names it in the refusal. */
export function parseAiShare(text: string, what: string): { share: number } {
  const m = SHARE.exec(text.trim());
  const value = m ? Number(m[1]) : NaN;
  if (!(value >= 0 && value <= 100)) {
    throw new UsageError(`${what}: ${JSON.stringify(text)} is not a share; write the share of inquiries the AI agent answers, 0% to 100%, e.g. 30%`);
  }
  return { share: value / 100 };
}

/** Bounds: a cut can take everything (−100 %); a rise is capped so a typo does not ask for a millionfold crowd. */
export const SCENARIO_LIMITS = { percent: { min: -100, max: 1000 }, count: 100_000, scenarios: 5, hours: { default: 12, max: 48 } } as const;

const PERCENT = /^([+-])(\d{1,4}(?:\.\d{1,2})?)%$/;
const COUNT = /^([+-])(\d{1,6})$/;

export const CHANGE_RULE = 'a signed percentage or a signed whole number, e.g. +30%, -50%, -10';

/** One change; `what` names it in the refusal (`--arrivals`, `arrivals=`). */
export function parseScenarioChange(text: string, what: string): ScenarioChange {
  const trimmed = text.trim();
  const percent = PERCENT.exec(trimmed);
  if (percent) {
    const value = Number(percent[2]) * (percent[1] === '-' ? -1 : 1);
    if (value < SCENARIO_LIMITS.percent.min || value > SCENARIO_LIMITS.percent.max) {
      throw new UsageError(`${what}: ${JSON.stringify(text)} is out of range; a change runs from ${SCENARIO_LIMITS.percent.min}% to +${SCENARIO_LIMITS.percent.max}%`);
    }
    return { percent: value === 0 ? 0 : value };
  }
  const count = COUNT.exec(trimmed);
  if (count) {
    const value = Number(count[2]) * (count[1] === '-' ? -1 : 1);
    if (Math.abs(value) > SCENARIO_LIMITS.count) throw new UsageError(`${what}: ${JSON.stringify(text)} is out of range; at most ±${SCENARIO_LIMITS.count}`);
    return { count: value === 0 ? 0 : value };
  }
  throw new UsageError(`${what}: ${JSON.stringify(text)} is not a change; write ${CHANGE_RULE}`);
}

/** A scenario group: `arrivals=+30%,egates=-50%` (each field at most once, at least one). */
export function parseScenario(text: string): ScenarioChanges {
  const changes: ScenarioChanges = {};
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 1 && parts[0] === '') throw new UsageError(`--scenario: empty; write e.g. "arrivals=+30%,egates=-50%"`);
  for (const part of parts) {
    const eq = part.indexOf('=');
    const field = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (field === AI_SHARE_FIELD && eq >= 0) {
      if (changes.aiShare) throw new UsageError(`--scenario: ${field} is changed twice in ${JSON.stringify(text)}`);
      changes.aiShare = parseAiShare(part.slice(eq + 1), `${field}=`);
      continue;
    }
    if (!isScenarioField(field)) {
      throw new UsageError(`--scenario: ${JSON.stringify(part)} changes nothing known; each part is FIELD=CHANGE with FIELD one of ${[...SCENARIO_FIELDS, AI_SHARE_FIELD].join(', ')}`);
    }
    if (eq < 0) throw new UsageError(`--scenario: ${JSON.stringify(part)} has no change; write ${field}=+30% or ${field}=-10`);
    if (changes[field]) throw new UsageError(`--scenario: ${field} is changed twice in ${JSON.stringify(text)}`);
    changes[field] = parseScenarioChange(part.slice(eq + 1), `${field}=`);
  }
  return changes;
}

/** The canonical text of a scenario — its name in tables and what the client sends: "arrivals=+30%,egates=-50%". */
export function scenarioText(changes: ScenarioChanges): string {
  const parts = SCENARIO_FIELDS.filter((f) => changes[f]).map((f) => `${f}=${changeText(changes[f]!)}`);
  if (changes.aiShare) parts.push(`${AI_SHARE_FIELD}=${Math.round(changes.aiShare.share * 10_000) / 100}%`);
  return parts.join(',');
}

export function changeText(change: ScenarioChange): string {
  const value = 'percent' in change ? change.percent : change.count;
  return `${value < 0 ? '-' : '+'}${Math.abs(value)}${'percent' in change ? '%' : ''}`;
}

export const isScenarioField = (text: string): text is ScenarioField => (SCENARIO_FIELDS as readonly string[]).includes(text);
