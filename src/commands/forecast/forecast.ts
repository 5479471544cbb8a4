// `forecast SITE [--hours 24]`: the site's arrivals per hour ahead, from its
// own history and the calendar of known peaks, with prediction intervals.
// `forecast --breaches [--hours 6]`: the early warnings — every site predicted
// to breach its wait target in the window, and what would prevent it.
import { UsageError } from '../../core/errors.js';
import type { ForecastBreaches, SiteForecast } from '../../core/model.js';
import { BREACH_HOURS, FORECAST_HOURS } from '../../core/vocabulary.js';
import { breachesJson } from '../../render/breaches-json.js';
import { renderBreaches } from '../../render/breaches.js';
import { renderSiteForecast } from '../../render/forecast.js';
import { siteForecastJson } from '../../render/json.js';
import type { RenderContext } from '../../render/view.js';
import { completeWith } from '../completion/dynamic.js';
import { integerOption } from '../options.js';
import { defineVerb } from '../verb.js';

export type ForecastInput = { site: string; hours: number } | { breaches: true; hours: number };

type ForecastResult = SiteForecast | ForecastBreaches;
const isBreaches = (r: ForecastResult): r is ForecastBreaches => 'breaches' in r;

export function forecastInput(site: string | undefined, options: { hours?: number; breaches?: boolean }): ForecastInput {
  if (options.breaches) {
    if (site !== undefined) throw new UsageError('forecast --breaches covers every site: leave out the site', { hint: `for one site's forecast: watchfloor forecast ${site}` });
    if (options.hours !== undefined && options.hours > BREACH_HOURS.max) throw new UsageError(`--breaches looks at most ${BREACH_HOURS.max} hours ahead, not ${options.hours}`);
    return { breaches: true, hours: options.hours ?? BREACH_HOURS.default };
  }
  if (site === undefined) throw new UsageError('forecast needs a site: watchfloor forecast SITE (or --breaches for every site)', { hint: 'list the sites with `watchfloor sites list`' });
  return { site, hours: options.hours ?? FORECAST_HOURS.default };
}

export const forecast = defineVerb({
  name: 'forecast',
  description: "a site's arrivals per hour ahead, with prediction intervals; --breaches: every site predicted over its wait target",
  metadata: { examples: ['forecast RUH', 'forecast JED --hours 48', 'forecast "king fahd causeway" --json', 'forecast --breaches', 'forecast --breaches --hours 12 --json'] },
  configure(command) {
    command.argument('[site]', 'site id or a fragment of its English or Arabic name');
    completeWith(command.registeredArguments[0]!, 'sites');
    command.option('--hours <n>', `hours ahead, 1 to ${FORECAST_HOURS.max} (default ${FORECAST_HOURS.default}; with --breaches 1 to ${BREACH_HOURS.max}, default ${BREACH_HOURS.default})`, integerOption(1, FORECAST_HOURS.max));
    command.option('--breaches', 'every site predicted to breach its wait target: when, how badly, counters to open and officers to move');
  },
  input: ([site]: [string | undefined], options: { hours?: number; breaches?: boolean }): ForecastInput => forecastInput(site, options),
  async run(input, ctx): Promise<ForecastResult> {
    const client = ctx.client();
    if ('breaches' in input) return client.forecastBreaches({ hours: input.hours });
    const site = await client.findSite(input.site);
    return client.siteForecast(site.id, { hours: input.hours });
  },
  present: {
    text: (r: ForecastResult, view: RenderContext) => (isBreaches(r) ? renderBreaches(r, view) : renderSiteForecast(r, view)),
    json: (r: ForecastResult) => (isBreaches(r) ? breachesJson(r) : siteForecastJson(r)),
  },
});
