// One line about the selected tile, in full: what the condensed tile leaves out.
import { Text } from 'ink';
import type { SiteStatus } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { HEALTH_COLOUR, fit } from './look.js';

export function SelectedSiteLine({ site, width, lang = 'en' }: { site: SiteStatus | undefined; width: number; lang?: Lang }) {
  if (!site) return <Text> </Text>;
  const labels = labelsFor(lang);
  const wait = site.waitMinutes === null ? 'not reported yet' : `wait ${Math.round(site.waitMinutes)} min`;
  const queue = site.queueLength === null ? '' : ` · queue ${site.queueLength}`;
  const egates = site.egates.total > 0 ? ` · e-gates ${site.egates.inService}/${site.egates.total}` : '';
  const open = site.openIncidents.total > 0 ? ` · ${site.openIncidents.total} open` : '';
  const text = `${site.id} ${labels.siteName(site.name)} · ${labels.region(site.region)} · ${wait}${queue}${egates}${open}`;
  return (
    <Text>
      <Text color={HEALTH_COLOUR[site.health]}>{site.health.padEnd(9)}</Text>
      {fit(text, width - 9)}
    </Text>
  );
}
