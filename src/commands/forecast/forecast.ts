// `forecast SITE [--hours 24]`: the site's arrivals per hour ahead, from its
// own history and the calendar of known peaks, with prediction intervals.
import { UsageError } from '../../core/errors.js';
import { FORECAST_HOURS } from '../../core/vocabulary.js';
import { renderSiteForecast } from '../../render/forecast.js';
import { siteForecastJson } from '../../render/json.js';
import { completeWith } from '../completion/dynamic.js';
import { integerOption } from '../options.js';
import { defineVerb } from '../verb.js';

export interface ForecastInput {
  site: string;
  hours: number;
}

export const forecast = defineVerb({
  name: 'forecast',
  description: "a site's arrivals per hour ahead, with prediction intervals",
  metadata: { examples: ['forecast RUH', 'forecast JED --hours 48', 'forecast "king fahd causeway" --json'] },
  configure(command) {
    command.argument('[site]', 'site id or a fragment of its English or Arabic name');
    completeWith(command.registeredArguments[0]!, 'sites');
    command.option('--hours <n>', `hours ahead, 1 to ${FORECAST_HOURS.max} (default ${FORECAST_HOURS.default})`, integerOption(1, FORECAST_HOURS.max));
  },
  input([site]: [string | undefined], options: { hours?: number }): ForecastInput {
    if (site === undefined) throw new UsageError('forecast needs a site: watchfloor forecast SITE', { hint: 'list the sites with `watchfloor sites list`' });
    return { site, hours: options.hours ?? FORECAST_HOURS.default };
  },
  async run(input, ctx) {
    const client = ctx.client();
    const site = await client.findSite(input.site);
    return client.siteForecast(site.id, { hours: input.hours });
  },
  present: {
    text: (f, view) => renderSiteForecast(f, view),
    json: (f) => siteForecastJson(f),
  },
});
