// The --json contract of `forecast --breaches` (docs/json.md): explicit field lists, only ever extended.
import type { ForecastBreaches, OfficerDonor, BreachWarning } from '../core/model.js';
import { pick } from './pick.js';

export const OFFICER_DONOR_FIELDS = ['siteId', 'distanceKm', 'officers'] as const satisfies readonly (keyof OfficerDonor)[];

export const BREACH_WARNING_FIELDS = [
  'siteId', 'kind', 'region', 'asOf', 'breachAt', 'breachHours', 'worstWaitMinutes', 'worstAt', 'waitTargetMinutes',
  'countersOpen', 'countersAdvised', 'advisedWithinTarget', 'countersToOpen', 'officersOnDuty', 'officersShort', 'officersFrom',
] as const satisfies readonly (keyof BreachWarning)[];

export const FORECAST_BREACHES_FIELDS = ['generatedAt', 'hours', 'source', 'sitesChecked', 'breaches'] as const satisfies readonly (keyof ForecastBreaches)[];

const breachJson = (b: BreachWarning) => ({ ...pick(b, BREACH_WARNING_FIELDS), officersFrom: b.officersFrom.map((d) => pick(d, OFFICER_DONOR_FIELDS)) });

export const breachesJson = (f: ForecastBreaches) => ({ ...pick(f, FORECAST_BREACHES_FIELDS), breaches: f.breaches.map(breachJson) });
