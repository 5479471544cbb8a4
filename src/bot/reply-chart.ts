// The verbs whose text reply has a picture beside it in chat: `forecast`'s
// hours as a chart image. The reply stays text (every platform shows it); the
// chart is data the platform may draw and send as well.
import { forecast } from '../commands/forecast/forecast.js';
import type { VerbOutcome } from '../commands/outcome-presenter.js';
import type { SiteForecast } from '../core/model.js';
import type { BotReply } from './reply.js';

export function withChart(reply: BotReply, outcome: VerbOutcome): BotReply {
  if (reply.kind !== 'text' || outcome.verb !== forecast) return reply;
  const result = outcome.result as SiteForecast;
  return result.hours.length ? { ...reply, chart: { kind: 'forecast', forecast: result } } : reply;
}
