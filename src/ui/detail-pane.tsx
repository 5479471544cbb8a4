// One site or one incident in detail (Enter): a site's assets by health and
// its open incidents; an incident's state, owner and timeline.
import { Box, Text } from 'ink';
import type { IncidentDetail, SiteDetail } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, SEVERITY_COLOUR, SLA_COLOUR, clockTime, fit } from './look.js';
import { formatElapsed, formatTarget, slaTimer } from './sla.js';
import type { Detail } from './state.js';

export interface DetailPaneProps {
  detail: Detail;
  width: number;
  /** Lines the pane may use. */
  rows: number;
  now: Date;
  lang?: Lang;
}

export function DetailPane({ detail, width, rows, now, lang = 'en' }: DetailPaneProps) {
  if (!detail.data) return <Text dimColor>loading {detail.id} from the hub…</Text>;
  return detail.kind === 'site' ? (
    <SiteDetailPane detail={detail.data} width={width} rows={rows} lang={lang} />
  ) : (
    <IncidentDetailPane detail={detail.data} width={width} rows={rows} now={now} />
  );
}

function SiteDetailPane({ detail, width, rows, lang }: { detail: SiteDetail; width: number; rows: number; lang: Lang }) {
  const labels = labelsFor(lang);
  const { site, status, assets, incidents } = detail;
  const unhealthy = assets.filter((a) => a.health !== 'ok').sort((a, b) => (a.health === 'down' ? -1 : 0) - (b.health === 'down' ? -1 : 0) || a.id.localeCompare(b.id));
  const count = (h: 'ok' | 'degraded' | 'down') => assets.filter((a) => a.health === h).length;
  // Heading, counts, a blank, "not ok" heading, incidents heading, its rows, the footer.
  const incidentRows = Math.min(incidents.length, Math.max(1, Math.floor(rows / 4)));
  const assetRows = Math.max(1, rows - 6 - incidentRows);
  return (
    <Box flexDirection="column">
      <Text bold>
        <Text color={HEALTH_COLOUR[status.health]}>{HEALTH_GLYPH[status.health]} </Text>
        {fit(`${site.id} ${labels.siteName(site.name)} · ${labels.region(site.region)} · ${site.city}`, width - 2)}
      </Text>
      <Text>
        {assets.length} assets: <Text color="green">{count('ok')} ok</Text> · <Text color="yellow">{count('degraded')} degraded</Text> ·{' '}
        <Text color="red">{count('down')} down</Text>
        {status.waitMinutes === null ? '' : ` · wait ${Math.round(status.waitMinutes)} min · queue ${status.queueLength ?? 0}`}
      </Text>
      <Text bold>Not ok{unhealthy.length > assetRows ? ` (first ${assetRows} of ${unhealthy.length})` : ''}</Text>
      {unhealthy.length === 0 ? <Text dimColor>every asset is healthy</Text> : null}
      {unhealthy.slice(0, assetRows).map((a) => (
        <Text key={a.id} wrap="truncate-end">
          <Text color={HEALTH_COLOUR[a.health]}>{`${HEALTH_GLYPH[a.health]} ${a.health.padEnd(9)}`}</Text>
          {a.id.padEnd(24)} {a.name}
        </Text>
      ))}
      <Text bold>Open incidents ({incidents.length})</Text>
      {incidents.slice(0, incidentRows).map((i) => (
        <Text key={i.id} wrap="truncate-end">
          <Text color={SEVERITY_COLOUR[i.severity]}>{i.severity}</Text> {i.id} {i.state.padEnd(12)} {i.title}
        </Text>
      ))}
      <Text dimColor>Enter or Esc: back</Text>
    </Box>
  );
}

function IncidentDetailPane({ detail, width, rows, now }: { detail: IncidentDetail; width: number; rows: number; now: Date }) {
  const { incident, timeline } = detail;
  const sla = incident.state === 'resolved' ? undefined : slaTimer(incident, now);
  const timelineRows = Math.max(1, rows - 6);
  const shown = timeline.slice(-timelineRows);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        <Text color={SEVERITY_COLOUR[incident.severity]}>{incident.severity}</Text> {incident.id} {fit(incident.title, width - 20)}
      </Text>
      <Text wrap="truncate-end">
        {incident.state} · {incident.siteId ?? 'platform'}
        {incident.assetId ? ` · ${incident.assetId}` : ''}
        {incident.acknowledgedBy ? ` · acknowledged by ${incident.acknowledgedBy.name}` : ''}
        {incident.assignee ? ` · assigned to ${incident.assignee}` : ''}
        {incident.escalations > 0 ? ` · escalated ×${incident.escalations}` : ''}
      </Text>
      {sla ? (
        <Text color={SLA_COLOUR[sla.tone]}>
          {sla.target === 'ack' ? 'time to acknowledge' : 'time to resolve'} {formatElapsed(sla.elapsedMs)} of {formatTarget(sla.targetMs)}
        </Text>
      ) : (
        <Text dimColor>resolved{incident.summary ? `: ${incident.summary}` : ''}</Text>
      )}
      <Text bold>Timeline{timeline.length > shown.length ? ` (last ${shown.length} of ${timeline.length})` : ''}</Text>
      {shown.map((entry) => (
        <Text key={entry.id} wrap="truncate-end">
          <Text dimColor>{clockTime(new Date(entry.at))}</Text> {entry.kind.padEnd(13)} {entry.actor.name.padEnd(14)} {entry.text}
        </Text>
      ))}
      <Text dimColor>a: acknowledge · Enter or Esc: back</Text>
    </Box>
  );
}
