// The --json contract of `scenario` (docs/json.md): explicit field lists, only ever extended.
import type { ScenarioHour, ScenarioRun, SiteScenarios } from '../core/model.js';
import { pick } from './pick.js';

export const SCENARIO_HOUR_FIELDS = [
  'at', 'arrivalsPerHour', 'countersOpen', 'egatesInService', 'maxCounters', 'stable', 'waitMinutes', 'breach', 'countersAdvised', 'advisedWithinTarget',
] as const satisfies readonly (keyof ScenarioHour)[];

export const SCENARIO_RUN_FIELDS = ['name', 'breachHours', 'worstWaitMinutes', 'maxCountersAdvised', 'hours'] as const satisfies readonly (keyof ScenarioRun)[];

export const SITE_SCENARIOS_FIELDS = ['siteId', 'generatedAt', 'waitTargetMinutes', 'baselineSource', 'baseline', 'scenarios'] as const satisfies readonly (keyof SiteScenarios)[];

const runJson = (run: ScenarioRun) => ({ ...pick(run, SCENARIO_RUN_FIELDS), hours: run.hours.map((h) => pick(h, SCENARIO_HOUR_FIELDS)) });

export const scenariosJson = (s: SiteScenarios) => ({ ...pick(s, SITE_SCENARIOS_FIELDS), baseline: runJson(s.baseline), scenarios: s.scenarios.map(runJson) });
