// A forecast's fixed header (what it rests on) around the hours a renderer test gives it.
import type { ForecastHour, SiteForecast } from '../../src/core/model.js';

export function forecastOf(siteId: string, hours: ForecastHour[]): SiteForecast {
  return {
    siteId,
    generatedAt: '2026-12-01T10:00:00.000Z',
    from: '2026-12-06T10:00:00.000Z',
    method: 'double-seasonal',
    historyHours: 1343,
    interval: 0.9,
    calendar: 'forecast/peaks.yaml',
    hours,
  };
}
