// Playbooks in words: a trigger as `asset.kind=egate severity=sev1|sev2`, a
// condition on live data as a short phrase, where a step goes when it fails or
// times out. Shared by the list, the step list and an incident's proposals.
import type { BilingualText, PlaybookCondition, PlaybookTrigger, StepOutcomeRoute } from '../core/model.js';
import type { Lang } from './labels.js';

export const inLang = (text: BilingualText, lang: Lang): string => (lang === 'ar' ? text.ar : text.en);

export function triggerWords(trigger: Pick<PlaybookTrigger, 'match'>): string {
  return Object.entries(trigger.match)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : value}`)
    .join(' ');
}

export function conditionWords(c: PlaybookCondition): string {
  if ('siteWait' in c) {
    const { site, above, below } = c.siteWait;
    const bounds = [above === undefined ? '' : `above ${above} min`, below === undefined ? '' : `below ${below} min`].filter(Boolean).join(' and ');
    return `the wait at ${site} is ${bounds || 'reported'}`;
  }
  if ('assetHealth' in c) return `${c.assetHealth.asset} is ${c.assetHealth.is}`;
  if ('incidentState' in c) return `${c.incidentState.incident} is ${c.incidentState.is}`;
  if ('siteMode' in c) return `${c.siteMode.site} is in ${c.siteMode.is} mode`;
  if ('input' in c) return `input ${c.input.name} is ${String(c.input.equals)}`;
  if ('all' in c) return `(${c.all.map(conditionWords).join(' and ')})`;
  if ('any' in c) return `(${c.any.map(conditionWords).join(' or ')})`;
  return `not ${conditionWords(c.not)}`;
}

export function routeWords(route: StepOutcomeRoute): string {
  if (typeof route === 'object') return `go to ${route.goto}`;
  return route === 'pause' ? 'pause for a person' : route === 'stop' ? 'stop the run' : 'go on';
}
