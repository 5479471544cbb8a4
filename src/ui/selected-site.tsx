// One line about the selected tile, in full: what the condensed tile leaves out.
import { Text } from 'ink';
import type { SiteStatus } from '../core/model.js';
import { HEALTH_COLOUR, fit } from './look.js';

export function SelectedSiteLine({ site, width }: { site: SiteStatus | undefined; width: number }) {
  if (!site) return <Text> </Text>;
  const wait = site.waitMinutes === null ? 'not reported yet' : `wait ${Math.round(site.waitMinutes)} min`;
  const queue = site.queueLength === null ? '' : ` · queue ${site.queueLength}`;
  const egates = site.egates.total > 0 ? ` · e-gates ${site.egates.inService}/${site.egates.total}` : '';
  const open = site.openIncidents.total > 0 ? ` · ${site.openIncidents.total} open` : '';
  const text = `${site.id} ${site.name.en} · ${site.region} · ${wait}${queue}${egates}${open}`;
  return (
    <Text>
      <Text color={HEALTH_COLOUR[site.health]}>{site.health.padEnd(9)}</Text>
      {fit(text, width - 9)}
    </Text>
  );
}
