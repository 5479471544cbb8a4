// About the selected tile, in full: what the condensed tile leaves out, and
// (when the container has it) the site's wait over the last hour.
import { Box, Text } from 'ink';
import type { SiteStatus } from '../core/model.js';
import { contactShareParts } from '../render/contact-centre.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { HEALTH_COLOUR, fit } from './look.js';
import { WaitSparkline } from './sparkline.js';
import type { WaitTrend } from './wait-history.js';

export interface SelectedSiteLineProps {
  site: SiteStatus | undefined;
  width: number;
  lang?: Lang;
  /** The selected site's wait by minute; a second line when given. */
  trend?: WaitTrend | undefined;
}

/** The lines SelectedSiteLine takes, so the screen can budget its rows. */
export const selectedSiteRows = (trend: WaitTrend | undefined): number => (trend ? 2 : 1);

export function SelectedSiteLine({ site, width, lang = 'en', trend }: SelectedSiteLineProps) {
  const line = site ? <SiteSummary site={site} width={width} lang={lang} /> : <Text> </Text>;
  if (!trend) return line;
  return (
    <Box flexDirection="column">
      {line}
      {site ? <WaitSparkline trend={trend} width={width} lang={lang} /> : <Text> </Text>}
    </Box>
  );
}

function SiteSummary({ site, width, lang }: { site: SiteStatus; width: number; lang: Lang }) {
  const labels = labelsFor(lang);
  const { t } = labels;
  const wait = site.waitMinutes === null ? t('notReported') : `${t('wait')} ${Math.round(site.waitMinutes)} ${t('minutes')}`;
  const queue = site.queueLength === null ? '' : ` · ${t('queue')} ${site.queueLength}`;
  const egates = site.egates.total > 0 ? ` · ${t('egates')} ${site.egates.inService}/${site.egates.total}` : '';
  const open = site.openIncidents.total > 0 ? ` · ${site.openIncidents.total} ${t('open')}` : '';
  // The code `status` prints piped, and the silence's id: so an officer knows why this site is quiet.
  const quiet = site.silence ? ` · ${site.silence.kind === 'maintenance' ? 'maintenance' : 'silenced'} ${site.silence.id}` : '';
  // A contact centre: how its inquiries end, the AI agent's share first.
  const calls = site.contactCentre ? contactShareParts(site.contactCentre, lang).map((p) => ` · ${p}`).join('') : '';
  const text = `${site.id} ${labels.siteName(site.name)} · ${labels.region(site.region)} · ${wait}${queue}${egates}${calls}${open}${quiet}`;
  return (
    <Text>
      <Text color={HEALTH_COLOUR[site.health]}>{labels.health(site.health).padEnd(9)}</Text>
      {fit(text, width - 9)}
    </Text>
  );
}
